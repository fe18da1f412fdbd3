import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobSubmitKeys1796308563913 implements MigrationInterface {
  name = 'JobSubmitKeys1796308563913';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" ADD "submit_key" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "jobs" ADD "submit_fingerprint" bytea`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "jobs_submit_key" ON "jobs"  ("organization_id", "created_by_type", "created_by_id", "submit_key") WHERE submit_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."jobs_submit_key"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "submit_fingerprint"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "submit_key"`);
  }
}
