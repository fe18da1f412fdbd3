import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GitUploads1796423094731 implements MigrationInterface {
  name = 'GitUploads1796423094731';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "git_uploads" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "repository_id" uuid NOT NULL, "password_hash" bytea NOT NULL, "branch" text, "status" character varying(16) NOT NULL DEFAULT 'waiting', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "pushes" integer NOT NULL DEFAULT '0', "last_push_at" TIMESTAMP WITH TIME ZONE, "snapshot_id" uuid, "revision" character varying(64), "error" jsonb, "created_by" text NOT NULL, CONSTRAINT "PK_aee32b45c51ce63431e7c88c124" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9b7d2d5275a089cc618020e909" ON "git_uploads"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_06f30be369b99647db11db4f02" ON "git_uploads"  ("repository_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_18a269c2fca031d88b66cb09e4" ON "git_uploads"  ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "git_uploads" ADD CONSTRAINT "FK_9b7d2d5275a089cc618020e9097" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "git_uploads" DROP CONSTRAINT "FK_9b7d2d5275a089cc618020e9097"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18a269c2fca031d88b66cb09e4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_06f30be369b99647db11db4f02"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b7d2d5275a089cc618020e909"`);
    await queryRunner.query(`DROP TABLE "git_uploads"`);
  }
}
