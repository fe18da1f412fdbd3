import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListIndexes1796183513002 implements MigrationInterface {
  name = 'ListIndexes1796183513002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_2d4a881df717ece715365b3ff4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e0d54199f787d23374bd7c032f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57a762ca90f45873e32f90da62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5791d8e1498ea91df8812ed61d"`);
    await queryRunner.query(
      `CREATE INDEX "jobs_in_play" ON "jobs"  ("organization_id", "status", "type") WHERE status IN ('queued', 'leased', 'running')`,
    );
    await queryRunner.query(
      `CREATE INDEX "jobs_failures" ON "jobs"  ("organization_id", "completed_at") WHERE status IN ('failed', 'expired')`,
    );
    await queryRunner.query(`CREATE INDEX "jobs_by_agent" ON "jobs"  ("leased_by", "created_at") WHERE leased_by IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "jobs_by_type" ON "jobs"  ("organization_id", "type", "created_at") `);
    await queryRunner.query(`CREATE INDEX "jobs_by_status" ON "jobs"  ("organization_id", "status", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_d311331fdea285691c88ec86e6" ON "discovered_secrets"  ("organization_id", "cluster_name", "ref") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_90059fe4b348e667bc0f8d8b9a" ON "secret_requests"  ("organization_id", "secret_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5390ed516c5747a5736e17a02f" ON "secret_requests"  ("organization_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "workflow_runs_by_definition" ON "workflow_runs"  ("definition_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "workflow_runs_by_status" ON "workflow_runs"  ("organization_id", "status", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workflow_runs_by_status"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_runs_by_definition"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5390ed516c5747a5736e17a02f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_90059fe4b348e667bc0f8d8b9a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d311331fdea285691c88ec86e6"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_by_status"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_by_type"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_by_agent"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_failures"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_in_play"`);
    await queryRunner.query(`CREATE INDEX "IDX_5791d8e1498ea91df8812ed61d" ON "workflow_runs" USING btree ("organization_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_57a762ca90f45873e32f90da62" ON "workflow_runs" USING btree ("definition_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e0d54199f787d23374bd7c032f" ON "jobs" USING btree ("organization_id", "status", "type") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2d4a881df717ece715365b3ff4" ON "jobs" USING btree ("leased_by") WHERE (leased_by IS NOT NULL)`,
    );
  }
}
