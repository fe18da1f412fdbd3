import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Blobs1796355284177 implements MigrationInterface {
  name = 'Blobs1796355284177';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "blobs" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "sha256" bytea NOT NULL, "size" bigint NOT NULL, "backend" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_put_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_put_id" uuid NOT NULL, CONSTRAINT "blobs_organization_sha256_key" UNIQUE ("organization_id", "sha256"), CONSTRAINT "PK_fe61649fa345f685eb31b949e4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "blobs_last_put_at_idx" ON "blobs"  ("last_put_at") `);
    await queryRunner.query(
      `CREATE TABLE "blob_chunks" ("blob_id" uuid NOT NULL, "chunk_no" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_54656bf0c2dfcfe99f2dc4034b3" PRIMARY KEY ("blob_id", "chunk_no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "blob_references" ("organization_id" uuid NOT NULL, "sha256" bytea NOT NULL, "owner_type" text NOT NULL, "owner_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2eccaf70897f44c95c7b4b7dd05" PRIMARY KEY ("organization_id", "sha256", "owner_type", "owner_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "blob_references_owner_idx" ON "blob_references"  ("organization_id", "owner_type", "owner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "blob_orphans" ("id" uuid NOT NULL, "backend" text NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a3fea0387c8f635e676b7d0f27c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "blob_orphans_since_idx" ON "blob_orphans"  ("since") `);
    await queryRunner.query(
      `ALTER TABLE "blob_references" ADD CONSTRAINT "FK_34b3866df8b99c3e3436d5ec920" FOREIGN KEY ("organization_id", "sha256") REFERENCES "blobs"("organization_id","sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blob_references" DROP CONSTRAINT "FK_34b3866df8b99c3e3436d5ec920"`);
    await queryRunner.query(`DROP INDEX "public"."blob_orphans_since_idx"`);
    await queryRunner.query(`DROP TABLE "blob_orphans"`);
    await queryRunner.query(`DROP INDEX "public"."blob_references_owner_idx"`);
    await queryRunner.query(`DROP TABLE "blob_references"`);
    await queryRunner.query(`DROP TABLE "blob_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."blobs_last_put_at_idx"`);
    await queryRunner.query(`DROP TABLE "blobs"`);
  }
}
