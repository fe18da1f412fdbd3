import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobKeysAndCancellations1796310471393 implements MigrationInterface {
  name = 'JobKeysAndCancellations1796310471393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" ADD "submit_key" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "jobs" ADD "submit_fingerprint" bytea`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "jobs_submit_key" ON "jobs"  ("organization_id", "created_by_type", "created_by_id", "submit_key") WHERE submit_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "jobs_cancelled_unacknowledged" ON "jobs"  ("leased_by") WHERE status = 'cancelled' AND lease_id IS NOT NULL AND completed_lease_id IS DISTINCT FROM lease_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."jobs_cancelled_unacknowledged"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_submit_key"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "submit_fingerprint"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "submit_key"`);
  }
}
