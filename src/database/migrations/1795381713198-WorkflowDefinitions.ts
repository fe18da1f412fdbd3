import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowDefinitions1795381713198 implements MigrationInterface {
  name = 'WorkflowDefinitions1795381713198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workflow_definition_versions" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "definition_id" uuid NOT NULL, "version" integer NOT NULL, "nodes" jsonb NOT NULL DEFAULT '[]', "input_schema" jsonb, "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_68c6710e79b6f60d1be76c0ba0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_63402f6f45f7fdf7ffe2f0e2ff" ON "workflow_definition_versions"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cea25cf37409e998bb6c595998" ON "workflow_definition_versions"  ("definition_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workflow_definitions" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', "nodes" jsonb NOT NULL DEFAULT '[]', "input_schema" jsonb, "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f92fadfc5fb722f080ceaec272" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_787e56ad49936ab969de4affd9" ON "workflow_definitions"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca19dc365f9460a066da682833" ON "workflow_definitions"  ("organization_id", "name") `);
    await queryRunner.query(
      `ALTER TABLE "workflow_definition_versions" ADD CONSTRAINT "FK_1b101ed70113ae7fa2da7c9d028" FOREIGN KEY ("definition_id") REFERENCES "workflow_definitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_definition_versions" ADD CONSTRAINT "FK_63402f6f45f7fdf7ffe2f0e2fff" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_definitions" ADD CONSTRAINT "FK_787e56ad49936ab969de4affd9b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow_definitions" DROP CONSTRAINT "FK_787e56ad49936ab969de4affd9b"`);
    await queryRunner.query(`ALTER TABLE "workflow_definition_versions" DROP CONSTRAINT "FK_63402f6f45f7fdf7ffe2f0e2fff"`);
    await queryRunner.query(`ALTER TABLE "workflow_definition_versions" DROP CONSTRAINT "FK_1b101ed70113ae7fa2da7c9d028"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ca19dc365f9460a066da682833"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_787e56ad49936ab969de4affd9"`);
    await queryRunner.query(`DROP TABLE "workflow_definitions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cea25cf37409e998bb6c595998"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63402f6f45f7fdf7ffe2f0e2ff"`);
    await queryRunner.query(`DROP TABLE "workflow_definition_versions"`);
  }
}
