import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling moves from lockouts to growing delays: counters per (account, address) pair,
 * per address and per account, with the time of their last failure and the delay it set. The old
 * counters and their locks are dropped rather than converted: a lock they hold is exactly the
 * denial of service this replaces, and an attacker's count restarting once at the upgrade is harmless.
 */
export class LoginDelays1796182867569 implements MigrationInterface {
  name = 'LoginDelays1796182867569';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`TRUNCATE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_50f5f22409bed71b34a444a303"`);
    await queryRunner.query(`ALTER TABLE "login_failures" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "login_failures" DROP COLUMN "window_started_at"`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD "delayed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_02d51d3c6952fbbea35d155019" ON "login_failures"  ("last_failed_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`TRUNCATE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02d51d3c6952fbbea35d155019"`);
    await queryRunner.query(`ALTER TABLE "login_failures" DROP COLUMN "delayed_until"`);
    await queryRunner.query(`ALTER TABLE "login_failures" DROP COLUMN "last_failed_at"`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL`);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_50f5f22409bed71b34a444a303" ON "login_failures"  ("window_started_at") `);
  }
}
