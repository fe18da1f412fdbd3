import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecretBroker1795378905423 implements MigrationInterface {
  name = 'SecretBroker1795378905423';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "approval_decisions" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "gate_id" uuid NOT NULL, "stage" integer NOT NULL, "approver_id" uuid NOT NULL, "decision" character varying(8) NOT NULL, "comment" text NOT NULL DEFAULT '', "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ab59e2a6ef9cbc15372cf232e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ad3e231dce69e48ef28e8639ad" ON "approval_decisions"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_778ab0c9b41aae3c910280e643" ON "approval_decisions"  ("gate_id", "approver_id") `);
    await queryRunner.query(
      `CREATE TABLE "approval_gates" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" uuid NOT NULL, "summary" jsonb NOT NULL DEFAULT '{}', "policy_id" uuid, "workflow_id" uuid, "workflow_name" text NOT NULL, "stages" jsonb NOT NULL, "approval_ttl_seconds" integer NOT NULL, "requested_by" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "current_stage" integer NOT NULL DEFAULT '0', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8034d05a7ec51a69229a8441f6e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_15bb0daad16b8ef57e4212f545" ON "approval_gates"  ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "approval_gates_pending" ON "approval_gates"  ("organization_id", "expires_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9eee22f03224ea281e1cf64f80" ON "approval_gates"  ("subject_type", "subject_id") `);
    await queryRunner.query(
      `CREATE TABLE "approval_policies" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "workflow_id" uuid NOT NULL, "priority" integer NOT NULL DEFAULT '100', "is_default" boolean NOT NULL DEFAULT false, "project_id" uuid, "environment_id" uuid, "cluster_name" text, "ref_pattern" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_09d33ba3a56c2f804ef511eb680" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1024e70753e344ceddb2ed71b7" ON "approval_policies"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cab4c7d54050d3d6be1999fac9" ON "approval_policies"  ("workflow_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "approval_policies_one_default" ON "approval_policies"  ("organization_id") WHERE "is_default"`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_145795aeed3787c6e7f311bf8d" ON "approval_policies"  ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "approval_workflows" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "stages" jsonb NOT NULL, "approval_ttl_seconds" integer NOT NULL DEFAULT '3600', "request_ttl_seconds" integer NOT NULL DEFAULT '3600', "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f326145fd927565de30b360264b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b0bd060b0744b32835f13d572d" ON "approval_workflows"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c2811e698de39c7a3070591fde" ON "approval_workflows"  ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "secret_requests" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "secret_id" uuid NOT NULL, "cluster_name" text NOT NULL, "namespace" text NOT NULL, "provider" text NOT NULL, "ref" text NOT NULL, "project_id" uuid, "environment_id" uuid, "agent_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "reason" text NOT NULL, "recipient_public_key" text, "status" character varying(16) NOT NULL DEFAULT 'pending', "job_id" uuid, "failure_code" text, "failure_message" text, "decided_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1bcabcab5127efd406d993b24dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_843d197ef5712eeb46204b2c27" ON "secret_requests"  ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_b991f603d669cf906df6579bb9" ON "secret_requests"  ("organization_id", "requester_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed4f725b0a7dbc8a58eea32452" ON "secret_requests"  ("organization_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "secret_wraps" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "request_id" uuid NOT NULL, "job_id" uuid, "direction" character varying(16) NOT NULL, "recipient_id" uuid NOT NULL, "sealed" bytea, "context" text NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "consumed_at" TIMESTAMP WITH TIME ZONE, "shredded_at" TIMESTAMP WITH TIME ZONE, "shred_reason" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f039f634affe746798df6ebd9c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d3ae68667d7894429231588f59" ON "secret_wraps"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "secret_wraps_shreddable" ON "secret_wraps"  ("expires_at") WHERE "sealed" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_9111ffddfd1764269a8982d3d7" ON "secret_wraps"  ("organization_id", "request_id") `);
    await queryRunner.query(
      `ALTER TABLE "approval_decisions" ADD CONSTRAINT "FK_e6762169a5ae6038b16c2889a1a" FOREIGN KEY ("gate_id") REFERENCES "approval_gates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_decisions" ADD CONSTRAINT "FK_ad3e231dce69e48ef28e8639ad5" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_gates" ADD CONSTRAINT "FK_15bb0daad16b8ef57e4212f5453" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_policies" ADD CONSTRAINT "FK_1024e70753e344ceddb2ed71b79" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_policies" ADD CONSTRAINT "FK_cab4c7d54050d3d6be1999fac96" FOREIGN KEY ("workflow_id") REFERENCES "approval_workflows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_workflows" ADD CONSTRAINT "FK_b0bd060b0744b32835f13d572d0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secret_requests" ADD CONSTRAINT "FK_843d197ef5712eeb46204b2c27b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secret_wraps" ADD CONSTRAINT "FK_b17eddd3d6fe838c33214c7785e" FOREIGN KEY ("request_id") REFERENCES "secret_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secret_wraps" ADD CONSTRAINT "FK_d3ae68667d7894429231588f596" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "secret_wraps" DROP CONSTRAINT "FK_d3ae68667d7894429231588f596"`);
    await queryRunner.query(`ALTER TABLE "secret_wraps" DROP CONSTRAINT "FK_b17eddd3d6fe838c33214c7785e"`);
    await queryRunner.query(`ALTER TABLE "secret_requests" DROP CONSTRAINT "FK_843d197ef5712eeb46204b2c27b"`);
    await queryRunner.query(`ALTER TABLE "approval_workflows" DROP CONSTRAINT "FK_b0bd060b0744b32835f13d572d0"`);
    await queryRunner.query(`ALTER TABLE "approval_policies" DROP CONSTRAINT "FK_cab4c7d54050d3d6be1999fac96"`);
    await queryRunner.query(`ALTER TABLE "approval_policies" DROP CONSTRAINT "FK_1024e70753e344ceddb2ed71b79"`);
    await queryRunner.query(`ALTER TABLE "approval_gates" DROP CONSTRAINT "FK_15bb0daad16b8ef57e4212f5453"`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" DROP CONSTRAINT "FK_ad3e231dce69e48ef28e8639ad5"`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" DROP CONSTRAINT "FK_e6762169a5ae6038b16c2889a1a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9111ffddfd1764269a8982d3d7"`);
    await queryRunner.query(`DROP INDEX "public"."secret_wraps_shreddable"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d3ae68667d7894429231588f59"`);
    await queryRunner.query(`DROP TABLE "secret_wraps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed4f725b0a7dbc8a58eea32452"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b991f603d669cf906df6579bb9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_843d197ef5712eeb46204b2c27"`);
    await queryRunner.query(`DROP TABLE "secret_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2811e698de39c7a3070591fde"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0bd060b0744b32835f13d572d"`);
    await queryRunner.query(`DROP TABLE "approval_workflows"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_145795aeed3787c6e7f311bf8d"`);
    await queryRunner.query(`DROP INDEX "public"."approval_policies_one_default"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cab4c7d54050d3d6be1999fac9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1024e70753e344ceddb2ed71b7"`);
    await queryRunner.query(`DROP TABLE "approval_policies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9eee22f03224ea281e1cf64f80"`);
    await queryRunner.query(`DROP INDEX "public"."approval_gates_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15bb0daad16b8ef57e4212f545"`);
    await queryRunner.query(`DROP TABLE "approval_gates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_778ab0c9b41aae3c910280e643"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad3e231dce69e48ef28e8639ad"`);
    await queryRunner.query(`DROP TABLE "approval_decisions"`);
  }
}
