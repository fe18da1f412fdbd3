import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowRuns1795386031936 implements MigrationInterface {
  name = 'WorkflowRuns1795386031936';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workflow_runs" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "definition_id" uuid, "definition_name" text NOT NULL, "definition_version" integer NOT NULL, "nodes" jsonb NOT NULL, "inputs" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "output" jsonb, "created_by" text NOT NULL, "requested_by" uuid NOT NULL, "correlation_id" text, "retry_count" integer NOT NULL DEFAULT '0', "failure_code" text, "failure_message" text, "failed_node_id" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eea9f8d0a660b3f48114c313233" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_870f24b1338ec607bc81130dc3" ON "workflow_runs"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_57a762ca90f45873e32f90da62" ON "workflow_runs"  ("definition_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5791d8e1498ea91df8812ed61d" ON "workflow_runs"  ("organization_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_420a325bb9899e1cdcc6b832a9" ON "workflow_runs"  ("organization_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "workflow_step_artifacts" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "run_id" uuid NOT NULL, "node_id" text NOT NULL, "attempt" integer NOT NULL, "name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_abb5fbe90c98d9559d6610420b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_25dd9163d93878a4b5d5f46012" ON "workflow_step_artifacts"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8a7ba001beadddf6b436970491" ON "workflow_step_artifacts"  ("run_id", "node_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "workflow_step_logs" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "run_id" uuid NOT NULL, "node_id" text NOT NULL, "attempt" integer NOT NULL, "level" character varying(8) NOT NULL, "message" text NOT NULL, "data" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_baed4f1613845afd503a7a8e487" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_497984d1570cfea39be0af0577" ON "workflow_step_logs"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2608ec9bc7a5dceeefff2f7fa" ON "workflow_step_logs"  ("run_id", "node_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "workflow_run_steps" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "run_id" uuid NOT NULL, "node_id" text NOT NULL, "type" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "attempts_base" integer NOT NULL DEFAULT '0', "due_at" TIMESTAMP WITH TIME ZONE, "deadline_at" TIMESTAMP WITH TIME ZONE, "inputs" jsonb, "output" jsonb, "error_code" text, "error_message" text, "external_ref" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e72302251cbea188ed246b977c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_de2bd3d891226c53045ec9be39" ON "workflow_run_steps"  ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "workflow_run_steps_external" ON "workflow_run_steps"  ("external_ref") WHERE external_ref IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "workflow_run_steps_due" ON "workflow_run_steps"  ("due_at") WHERE status IN ('ready', 'running', 'waiting')`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_09e674797fa4158176ac164dba" ON "workflow_run_steps"  ("run_id", "node_id") `);
    await queryRunner.query(
      `ALTER TABLE "workflow_runs" ADD CONSTRAINT "FK_57a762ca90f45873e32f90da628" FOREIGN KEY ("definition_id") REFERENCES "workflow_definitions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_runs" ADD CONSTRAINT "FK_870f24b1338ec607bc81130dc33" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_step_artifacts" ADD CONSTRAINT "FK_90cf1d7a659cadb3cbc052e376a" FOREIGN KEY ("run_id") REFERENCES "workflow_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_step_artifacts" ADD CONSTRAINT "FK_25dd9163d93878a4b5d5f460129" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_step_logs" ADD CONSTRAINT "FK_cdd993fa1286d6c8fb38b8b11d7" FOREIGN KEY ("run_id") REFERENCES "workflow_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_step_logs" ADD CONSTRAINT "FK_497984d1570cfea39be0af05770" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_run_steps" ADD CONSTRAINT "FK_2861181c012a281009f7cf8a432" FOREIGN KEY ("run_id") REFERENCES "workflow_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_run_steps" ADD CONSTRAINT "FK_de2bd3d891226c53045ec9be39d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow_run_steps" DROP CONSTRAINT "FK_de2bd3d891226c53045ec9be39d"`);
    await queryRunner.query(`ALTER TABLE "workflow_run_steps" DROP CONSTRAINT "FK_2861181c012a281009f7cf8a432"`);
    await queryRunner.query(`ALTER TABLE "workflow_step_logs" DROP CONSTRAINT "FK_497984d1570cfea39be0af05770"`);
    await queryRunner.query(`ALTER TABLE "workflow_step_logs" DROP CONSTRAINT "FK_cdd993fa1286d6c8fb38b8b11d7"`);
    await queryRunner.query(`ALTER TABLE "workflow_step_artifacts" DROP CONSTRAINT "FK_25dd9163d93878a4b5d5f460129"`);
    await queryRunner.query(`ALTER TABLE "workflow_step_artifacts" DROP CONSTRAINT "FK_90cf1d7a659cadb3cbc052e376a"`);
    await queryRunner.query(`ALTER TABLE "workflow_runs" DROP CONSTRAINT "FK_870f24b1338ec607bc81130dc33"`);
    await queryRunner.query(`ALTER TABLE "workflow_runs" DROP CONSTRAINT "FK_57a762ca90f45873e32f90da628"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09e674797fa4158176ac164dba"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_run_steps_due"`);
    await queryRunner.query(`DROP INDEX "public"."workflow_run_steps_external"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de2bd3d891226c53045ec9be39"`);
    await queryRunner.query(`DROP TABLE "workflow_run_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2608ec9bc7a5dceeefff2f7fa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_497984d1570cfea39be0af0577"`);
    await queryRunner.query(`DROP TABLE "workflow_step_logs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a7ba001beadddf6b436970491"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25dd9163d93878a4b5d5f46012"`);
    await queryRunner.query(`DROP TABLE "workflow_step_artifacts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_420a325bb9899e1cdcc6b832a9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5791d8e1498ea91df8812ed61d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57a762ca90f45873e32f90da62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_870f24b1338ec607bc81130dc3"`);
    await queryRunner.query(`DROP TABLE "workflow_runs"`);
  }
}
