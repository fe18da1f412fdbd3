import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CodeRepositories1796356893689 implements MigrationInterface {
  name = 'CodeRepositories1796356893689';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "code_repositories" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "project_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "source_type" character varying(16) NOT NULL, "source_url" text, "ingest_status" character varying(16) NOT NULL DEFAULT 'pending', "ingest_error" jsonb, "snapshot_id" uuid, "created_by" text NOT NULL, CONSTRAINT "PK_bcb83b55280ae9c1d1ae434c8d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_83e9e45c882af29289ce4ff8a5" ON "code_repositories"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9fcb37dc6dc7b3ef8ddcaf05ba" ON "code_repositories"  ("organization_id", "project_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "source_snapshots" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "repository_id" uuid NOT NULL, "origin" character varying(16) NOT NULL, "revision" text, "file_count" integer NOT NULL, "total_bytes" bigint NOT NULL, CONSTRAINT "PK_7b2ec666fe232fb99b38be148f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fbe8cd4c2d6946087f40c6bf95" ON "source_snapshots"  ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8d2897f457be72711dcc5de9d6" ON "source_snapshots"  ("organization_id", "repository_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "snapshot_files" ("id" uuid NOT NULL, "snapshot_id" uuid NOT NULL, "path" text COLLATE "C" NOT NULL, "organization_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "size" bigint NOT NULL, "sha256" bytea, "link_target" text, "binary" boolean NOT NULL DEFAULT false, "executable" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_1e3e2b172d5d820f0026cb2c75c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_06fd81cb8a95b08f1718af72f2" ON "snapshot_files"  ("snapshot_id", "path") `);
    await queryRunner.query(
      `CREATE TABLE "threat_profile_versions" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "repository_id" uuid NOT NULL, "version" integer NOT NULL, "document" jsonb NOT NULL, "created_by" text NOT NULL, CONSTRAINT "PK_02941d4ac6a0352dcfbdccc5669" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_809ddd1ccefde37ee442c0c301" ON "threat_profile_versions"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4891c0609657073a9e0f6b11db" ON "threat_profile_versions"  ("repository_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "code_repositories" ADD CONSTRAINT "FK_83e9e45c882af29289ce4ff8a5a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_snapshots" ADD CONSTRAINT "FK_fbe8cd4c2d6946087f40c6bf957" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threat_profile_versions" ADD CONSTRAINT "FK_809ddd1ccefde37ee442c0c3012" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "threat_profile_versions" DROP CONSTRAINT "FK_809ddd1ccefde37ee442c0c3012"`);
    await queryRunner.query(`ALTER TABLE "source_snapshots" DROP CONSTRAINT "FK_fbe8cd4c2d6946087f40c6bf957"`);
    await queryRunner.query(`ALTER TABLE "code_repositories" DROP CONSTRAINT "FK_83e9e45c882af29289ce4ff8a5a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4891c0609657073a9e0f6b11db"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_809ddd1ccefde37ee442c0c301"`);
    await queryRunner.query(`DROP TABLE "threat_profile_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_06fd81cb8a95b08f1718af72f2"`);
    await queryRunner.query(`DROP TABLE "snapshot_files"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d2897f457be72711dcc5de9d6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fbe8cd4c2d6946087f40c6bf95"`);
    await queryRunner.query(`DROP TABLE "source_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9fcb37dc6dc7b3ef8ddcaf05ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83e9e45c882af29289ce4ff8a5"`);
    await queryRunner.query(`DROP TABLE "code_repositories"`);
  }
}
