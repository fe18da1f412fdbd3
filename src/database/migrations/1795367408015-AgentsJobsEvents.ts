import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentsJobsEvents1795367408015 implements MigrationInterface {
  name = 'AgentsJobsEvents1795367408015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enrollment_tokens" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "environment_id" uuid, "token_hash" bytea NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "registrations" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_d9b043a74d8643fde7e6b948591" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c591bacf0502a518d27f332552" ON "enrollment_tokens"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b1b60d7c0e5b8b3fc80c638249" ON "enrollment_tokens"  ("organization_id", "environment_id") `);
    await queryRunner.query(
      `CREATE TABLE "agents" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "description" text, "status" character varying(16) NOT NULL DEFAULT 'active', "labels" jsonb NOT NULL DEFAULT '{}', "capabilities" text array NOT NULL DEFAULT '{}', "secret_hash" bytea NOT NULL, "public_key" text, "public_key_updated_at" TIMESTAMP WITH TIME ZONE, "version" text, "hostname" text, "environment_id" uuid, "enrolled_via" character varying(16) NOT NULL, "created_by" uuid, "enrollment_token_id" uuid, "last_seen_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9c653f28ae19c5884d5baf6a1d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_28ac537f8c7bc3c96f7d1753ec" ON "agents"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_467285ce5809d90514d004493f" ON "agents"  ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "jobs" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "type" character varying(100) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "priority" integer NOT NULL DEFAULT '0', "target_agent_id" uuid, "selector" jsonb, "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "timeout_seconds" integer NOT NULL, "cost_estimate" jsonb, "usage" jsonb NOT NULL DEFAULT '{}', "result" jsonb, "progress" jsonb, "error_code" character varying(100), "error_message" text, "artifact_url" text, "lease_id" uuid, "leased_by" uuid, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "completed_lease_id" uuid, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_by_type" character varying(16) NOT NULL, "created_by_id" text, "correlation_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3d9a2080fffe3e2c3b72fd56df" ON "jobs"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2d4a881df717ece715365b3ff4" ON "jobs"  ("leased_by") WHERE leased_by IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_e0d54199f787d23374bd7c032f" ON "jobs"  ("organization_id", "status", "type") `);
    await queryRunner.query(`CREATE INDEX "IDX_f9d45d84e8d1bc1fd20bde6a53" ON "jobs"  ("organization_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "jobs_held_until" ON "jobs"  ("lease_expires_at") WHERE status IN ('leased', 'running')`);
    await queryRunner.query(
      `ALTER TABLE "enrollment_tokens" ADD CONSTRAINT "FK_c591bacf0502a518d27f332552c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agents" ADD CONSTRAINT "FK_28ac537f8c7bc3c96f7d1753ec4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "FK_3d9a2080fffe3e2c3b72fd56df2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Written by hand (TypeORM cannot declare these). Claims scan queued jobs in exactly this order.
    await queryRunner.query(
      `CREATE INDEX "jobs_claimable" ON "jobs" ("organization_id", "priority" DESC, "available_at", "id") WHERE status = 'queued'`,
    );

    // The event outbox: written in the transaction of the change it describes, read in
    // (tx_id, seq) order so that a reader never passes an event that has yet to commit.
    await queryRunner.query(`CREATE TABLE "events" (
      "seq" bigint GENERATED ALWAYS AS IDENTITY,
      "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
      "type" text NOT NULL,
      "resource_type" text NOT NULL,
      "resource_id" text NOT NULL,
      "actor_type" text NOT NULL,
      "actor_id" text,
      "correlation_id" text,
      "data" jsonb NOT NULL DEFAULT '{}',
      "occurred_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "events_stream_order" ON "events" ("tx_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "events_by_organization" ON "events" ("organization_id", "tx_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "events_by_resource" ON "events" ("organization_id", "resource_id", "tx_id", "seq")`);
    // NOTIFY is transactional: every replica hears of an event when, and only if, it commits.
    await queryRunner.query(`CREATE FUNCTION "events_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('marshal_events', NEW.organization_id::text || ':' || NEW.type || ':' ||
          coalesce(NEW.data->>'jobType', '') || ':' || coalesce(NEW.data->>'targetAgentId', ''));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "events_notify" AFTER INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION "events_notify"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP FUNCTION "events_notify"()`);
    await queryRunner.query(`DROP INDEX "public"."jobs_claimable"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP CONSTRAINT "FK_3d9a2080fffe3e2c3b72fd56df2"`);
    await queryRunner.query(`ALTER TABLE "agents" DROP CONSTRAINT "FK_28ac537f8c7bc3c96f7d1753ec4"`);
    await queryRunner.query(`ALTER TABLE "enrollment_tokens" DROP CONSTRAINT "FK_c591bacf0502a518d27f332552c"`);
    await queryRunner.query(`DROP INDEX "public"."jobs_held_until"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9d45d84e8d1bc1fd20bde6a53"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e0d54199f787d23374bd7c032f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d4a881df717ece715365b3ff4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3d9a2080fffe3e2c3b72fd56df"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_467285ce5809d90514d004493f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_28ac537f8c7bc3c96f7d1753ec"`);
    await queryRunner.query(`DROP TABLE "agents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1b60d7c0e5b8b3fc80c638249"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c591bacf0502a518d27f332552"`);
    await queryRunner.query(`DROP TABLE "enrollment_tokens"`);
  }
}
