import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UsageRecordsScanLimitOverrides1796406847788 implements MigrationInterface {
  name = 'UsageRecordsScanLimitOverrides1796406847788';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "usage_records" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "meter" character varying(64) NOT NULL, "quantity" numeric(30,6) NOT NULL, "resource_type" character varying(32) NOT NULL, "resource_id" character varying(128) NOT NULL, "dimensions" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e511cf9f7dc53851569f87467a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2908478bc9172434a2452e57a1" ON "usage_records"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "usage_records_resource_meter_key" ON "usage_records"  ("organization_id", "resource_type", "resource_id", "meter") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cba1ec7bd49b2d90281a5b3533" ON "usage_records"  ("organization_id", "meter", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b3ec18f06564983629fc6d9798" ON "usage_records"  ("organization_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "scan_limit_overrides" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "limits" jsonb NOT NULL DEFAULT '{}', "updated_by" text, CONSTRAINT "scan_limit_overrides_organization_key" UNIQUE ("organization_id"), CONSTRAINT "PK_0ec3b3061b64c2e91245a1c3540" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_395d06e62e95f32160f6067508" ON "scan_limit_overrides"  ("organization_id") `);
    await queryRunner.query(
      `ALTER TABLE "usage_records" ADD CONSTRAINT "FK_2908478bc9172434a2452e57a1f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scan_limit_overrides" ADD CONSTRAINT "FK_395d06e62e95f32160f6067508f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scan_limit_overrides" DROP CONSTRAINT "FK_395d06e62e95f32160f6067508f"`);
    await queryRunner.query(`ALTER TABLE "usage_records" DROP CONSTRAINT "FK_2908478bc9172434a2452e57a1f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_395d06e62e95f32160f6067508"`);
    await queryRunner.query(`DROP TABLE "scan_limit_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3ec18f06564983629fc6d9798"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cba1ec7bd49b2d90281a5b3533"`);
    await queryRunner.query(`DROP INDEX "public"."usage_records_resource_meter_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2908478bc9172434a2452e57a1"`);
    await queryRunner.query(`DROP TABLE "usage_records"`);
  }
}
