import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyed audit chains and signed checkpoints (docs/audit-trail.md). Generated, then completed by
 * hand where the generator cannot express it: the backfill of existing rows as version 1 (their
 * unkeyed SHA-256 cannot be re-keyed: the trail is append-only), and the triggers.
 */
export class AuditKeyedChain1796181925958 implements MigrationInterface {
  name = 'AuditKeyedChain1796181925958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoints" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" bytea NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" text NOT NULL, "signature" bytea NOT NULL, "origin" text NOT NULL, CONSTRAINT "PK_ec62ec0b7b181580b1fa64e1167" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_checkpoints_organization_seq_idx" ON "audit_checkpoints"  ("organization_id", "seq") `);
    // Every row written so far was chained unkeyed (version 1). A constant default rewrites no row
    // (and so fires no UPDATE trigger); it is dropped at once, so that a new row must say what it is.
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "chain_version" smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain_version" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "chain_key_id" text`);

    // From now on the database takes keyed rows only: nobody, not even a superuser short of
    // disabling the trigger (which the application's role cannot: it owns no audit table), can
    // append a row that claims the unkeyed scheme. Whether a keyed row's HMAC holds, only someone
    // with the master key can tell: verification does.
    await queryRunner.query(`CREATE FUNCTION audit_events_keyed_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.chain_version IS DISTINCT FROM 2 OR NEW.chain_key_id IS NULL THEN
          RAISE EXCEPTION 'audit_events takes keyed rows only (chain_version 2 with its chain_key_id)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_keyed_only BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_keyed_only()`,
    );

    // Checkpoints are append-only too.
    await queryRunner.query(`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    );

    // A chain head only moves forward: the application may advance it (it must, to append), never
    // roll it back over a truncated tail, nor remove it.
    await queryRunner.query(`CREATE FUNCTION audit_chain_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id = OLD.organization_id AND NEW.last_seq >= OLD.last_seq THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'audit_chain_heads only move forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_heads_forward_only BEFORE UPDATE OR DELETE ON "audit_chain_heads" FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_forward_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON "audit_chain_heads" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_chain_heads_no_truncate ON "audit_chain_heads"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_chain_heads_forward_only ON "audit_chain_heads"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_chain_heads_forward_only()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_checkpoints_no_truncate ON "audit_checkpoints"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_checkpoints_no_update_delete ON "audit_checkpoints"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_append_only()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_events_keyed_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_events_keyed_only()`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "chain_key_id"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "chain_version"`);
    await queryRunner.query(`DROP INDEX "public"."audit_checkpoints_organization_seq_idx"`);
    await queryRunner.query(`DROP TABLE "audit_checkpoints"`);
  }
}
