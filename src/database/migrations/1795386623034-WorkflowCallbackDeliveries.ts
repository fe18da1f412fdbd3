import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowCallbackDeliveries1795386623034 implements MigrationInterface {
  name = 'WorkflowCallbackDeliveries1795386623034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workflow_callback_deliveries" ("source" text NOT NULL, "delivery_id" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid NOT NULL, "node_id" text NOT NULL, "outcome" text, CONSTRAINT "PK_439d7e2e34315be3085a28a35c3" PRIMARY KEY ("source", "delivery_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b27b6dd55dbbf020407a382fb4" ON "workflow_callback_deliveries"  ("received_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b27b6dd55dbbf020407a382fb4"`);
    await queryRunner.query(`DROP TABLE "workflow_callback_deliveries"`);
  }
}
