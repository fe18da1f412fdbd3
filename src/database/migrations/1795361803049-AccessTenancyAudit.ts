import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessTenancyAudit1795361803049 implements MigrationInterface {
  name = 'AccessTenancyAudit1795361803049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_type" text NOT NULL, "actor_id" text, "action" text NOT NULL, "resource_type" text, "resource_id" text, "outcome" text NOT NULL, "correlation_id" text, "request_id" text, "ip" text, "user_agent" text, "details" jsonb NOT NULL DEFAULT '{}', "prev_hash" bytea NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "audit_events_organization_seq_key" UNIQUE ("organization_id", "seq"), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_68d908019304f757740bc47a0a" ON "audit_events"  ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_488013b2a3ba5ea0fc0f7c1945" ON "audit_events"  ("correlation_id") `);
    await queryRunner.query(`CREATE INDEX "audit_events_organization_occurred_idx" ON "audit_events"  ("organization_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "audit_chain_heads" ("organization_id" uuid NOT NULL, "last_seq" bigint NOT NULL, "last_hash" bytea NOT NULL, CONSTRAINT "PK_76862318793ab1d6f246a06d630" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "roles" ("id" uuid NOT NULL, "organization_id" uuid, "key" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "is_system" boolean NOT NULL DEFAULT false, "permissions" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c1433d71a4838793a49dcad46ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "roles_organization_key_key" ON "roles"  ("organization_id", "key") WHERE "organization_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "roles_system_key_key" ON "roles"  ("key") WHERE "organization_id" IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "principal_id" text NOT NULL, "key" text NOT NULL, "request_hash" bytea NOT NULL, "state" text NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "idempotency_keys_scope_key" UNIQUE ("organization_id", "principal_id", "key"), CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e5fc0731b6752a8e9194fa265e" ON "idempotency_keys"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "secret_hash" bytea NOT NULL, "permissions" text array, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a283bdef18876e525aefaec042" ON "api_keys"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_roles" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "role_id" uuid NOT NULL, "project_id" uuid, "environment_id" uuid, "granted_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8acd5cf26ebd158416f477de799" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1503dd4274109b89d2429101e4" ON "user_roles"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_87b8888186ca9769c960e92687" ON "user_roles"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b23c65e50a758245a33ee35fda" ON "user_roles"  ("role_id") `);
    await queryRunner.query(
      `CREATE TABLE "config_secrets" ("id" uuid NOT NULL, "organization_id" uuid, "key" text NOT NULL, "ciphertext" bytea NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text, CONSTRAINT "PK_e509fdc4b6a47558e1061d8e943" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "config_secrets_organization_key_key" ON "config_secrets"  ("organization_id", "key") WHERE "organization_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "config_secrets_platform_key_key" ON "config_secrets"  ("key") WHERE "organization_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "workspace_settings" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text, CONSTRAINT "workspace_settings_organization_key" UNIQUE ("organization_id"), CONSTRAINT "PK_b99609772017c1ec22c40c1ddb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_32f694cf51e2650d83a5cb27d9" ON "workspace_settings"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "platform_settings" ("id" text NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text, CONSTRAINT "PK_2934aeb70ec285196dcab4a2e96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "teams" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "teams_organization_name_key" UNIQUE ("organization_id", "name"), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fdc736f761896ccc179c823a78" ON "teams"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "team_members" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "team_members_team_user_key" UNIQUE ("team_id", "user_id"), CONSTRAINT "PK_ca3eae89dcf20c9fd95bf7460aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6316cb096adabe354fa3af7338" ON "team_members"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c2bf4967c8c2a6b845dadfbf3d" ON "team_members"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "invitations" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "email" text NOT NULL, "role_ids" uuid array NOT NULL DEFAULT '{}', "token_hash" bytea NOT NULL, "invited_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_42d1dbb4d85dc3643fdc6560af" ON "invitations"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5380c394ec7912046d07b5429" ON "memberships"  ("organization_id") `);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a283bdef18876e525aefaec042f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_983d7eb19ca94bb8e343293068e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "FK_1503dd4274109b89d2429101e42" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "FK_87b8888186ca9769c960e926870" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "FK_b23c65e50a758245a33ee35fda1" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "config_secrets" ADD CONSTRAINT "FK_f9f8148323866a9d450d386ce34" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workspace_settings" ADD CONSTRAINT "FK_32f694cf51e2650d83a5cb27d9d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_fdc736f761896ccc179c823a785" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_members" ADD CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Hand-written from here: what entities cannot express.

    // One grant per (member, role, scope); null scopes compare equal.
    await queryRunner.query(`CREATE UNIQUE INDEX "user_roles_unique_grant" ON "user_roles" ("organization_id", "user_id", "role_id",
      coalesce("project_id", '00000000-0000-0000-0000-000000000000'), coalesce("environment_id", '00000000-0000-0000-0000-000000000000'))`);

    // The audit trail is append-only: the database itself refuses to change or remove an event.
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    // Organizations created before roles existed: their first member becomes the owner. The system
    // roles' permissions are filled in at start-up from the code (SystemRolesSync).
    await queryRunner.query(`INSERT INTO "roles" ("id", "organization_id", "key", "name", "is_system")
      VALUES ('01960000-0000-7000-8000-000000000001', NULL, 'owner', 'Owner', true),
             ('01960000-0000-7000-8000-000000000002', NULL, 'platform_admin', 'Platform administrator', true)
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`INSERT INTO "user_roles" ("organization_id", "id", "user_id", "role_id", "granted_by")
      SELECT DISTINCT ON (m.organization_id) m.organization_id, gen_random_uuid(), m.user_id, '01960000-0000-7000-8000-000000000001', 'system:migration'
        FROM "memberships" m ORDER BY m.organization_id, m.created_at, m.id`);
    // And the very first member is the platform administrator, as a first start makes them.
    await queryRunner.query(`INSERT INTO "user_roles" ("organization_id", "id", "user_id", "role_id", "granted_by")
      SELECT m.organization_id, gen_random_uuid(), m.user_id, '01960000-0000-7000-8000-000000000002', 'system:migration'
        FROM "memberships" m ORDER BY m.created_at, m.id LIMIT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
    await queryRunner.query(`DROP INDEX IF EXISTS "user_roles_unique_grant"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"`);
    await queryRunner.query(`ALTER TABLE "team_members" DROP CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4"`);
    await queryRunner.query(`ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "FK_fdc736f761896ccc179c823a785"`);
    await queryRunner.query(`ALTER TABLE "workspace_settings" DROP CONSTRAINT "FK_32f694cf51e2650d83a5cb27d9d"`);
    await queryRunner.query(`ALTER TABLE "config_secrets" DROP CONSTRAINT "FK_f9f8148323866a9d450d386ce34"`);
    await queryRunner.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "FK_b23c65e50a758245a33ee35fda1"`);
    await queryRunner.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "FK_87b8888186ca9769c960e926870"`);
    await queryRunner.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "FK_1503dd4274109b89d2429101e42"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_983d7eb19ca94bb8e343293068e"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a283bdef18876e525aefaec042f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5380c394ec7912046d07b5429"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_42d1dbb4d85dc3643fdc6560af"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2bf4967c8c2a6b845dadfbf3d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6316cb096adabe354fa3af7338"`);
    await queryRunner.query(`DROP TABLE "team_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fdc736f761896ccc179c823a78"`);
    await queryRunner.query(`DROP TABLE "teams"`);
    await queryRunner.query(`DROP TABLE "platform_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32f694cf51e2650d83a5cb27d9"`);
    await queryRunner.query(`DROP TABLE "workspace_settings"`);
    await queryRunner.query(`DROP INDEX "public"."config_secrets_platform_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."config_secrets_organization_key_key"`);
    await queryRunner.query(`DROP TABLE "config_secrets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b23c65e50a758245a33ee35fda"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87b8888186ca9769c960e92687"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1503dd4274109b89d2429101e4"`);
    await queryRunner.query(`DROP TABLE "user_roles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a283bdef18876e525aefaec042"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5fc0731b6752a8e9194fa265e"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."roles_system_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."roles_organization_key_key"`);
    await queryRunner.query(`DROP TABLE "roles"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_organization_occurred_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_488013b2a3ba5ea0fc0f7c1945"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
