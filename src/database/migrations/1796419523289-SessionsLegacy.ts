import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legacy sessions (seed 004's /sessions): the table that marks a repository as a session, and a
 * project-less repository for a session made without a project (its scans and findings carry no
 * project either). Generated, then trimmed: TypeORM dropped and rebuilt the three project indexes
 * around DROP NOT NULL, which leaves them unchanged; rebuilding findings' index would only cost time.
 */
export class SessionsLegacy1796419523289 implements MigrationInterface {
  name = 'SessionsLegacy1796419523289';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scan_sessions" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "created_by" text NOT NULL, CONSTRAINT "PK_87f20651a28bd716fb6e932366e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9de56075a7c9036743a1499280" ON "scan_sessions"  ("organization_id") `);
    await queryRunner.query(
      `ALTER TABLE "scan_sessions" ADD CONSTRAINT "FK_9de56075a7c9036743a14992804" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "code_repositories" ALTER COLUMN "project_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "findings" ALTER COLUMN "project_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "scans" ALTER COLUMN "project_id" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A project-less repository has no project to go back to: delete those sessions first (DELETE /repositories/{id}).
    await queryRunner.query(
      `DO $$ BEGIN IF EXISTS (SELECT 1 FROM "code_repositories" WHERE "project_id" IS NULL) THEN RAISE EXCEPTION 'sessions without a project remain: delete their repositories first'; END IF; END $$`,
    );
    await queryRunner.query(`ALTER TABLE "scans" ALTER COLUMN "project_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "findings" ALTER COLUMN "project_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "code_repositories" ALTER COLUMN "project_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "scan_sessions" DROP CONSTRAINT "FK_9de56075a7c9036743a14992804"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9de56075a7c9036743a1499280"`);
    await queryRunner.query(`DROP TABLE "scan_sessions"`);
  }
}
