import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScansFindings1796389618773 implements MigrationInterface {
  name = 'ScansFindings1796389618773';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "findings" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "repository_id" uuid NOT NULL, "project_id" uuid NOT NULL, "tool" text NOT NULL, "fingerprint" text NOT NULL, "rule_id" text NOT NULL, "severity" character varying(8) NOT NULL, "severity_rank" smallint NOT NULL, "level" character varying(8) NOT NULL, "message" text NOT NULL, "path" text COLLATE "C", "start_line" integer, "start_column" integer, "end_line" integer, "end_column" integer, "snippet" text, "status" character varying(16) NOT NULL, "dismissed_reason" character varying(16), "dismissed_comment" text, "first_scan_id" uuid NOT NULL, "last_scan_id" uuid NOT NULL, "fixed_scan_id" uuid, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ae9807d6293c23c13ff8804d09c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ea1d05beea31f0e838609b3b0" ON "findings"  ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_9ca54553c571820948fe11f2ba" ON "findings"  ("organization_id", "project_id", "severity_rank", "last_seen_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cec54738a56fb21a89adb16013" ON "findings"  ("organization_id", "repository_id", "severity_rank", "last_seen_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1920de7eae0b3ec32099327e6f" ON "findings"  ("organization_id", "repository_id", "tool", "fingerprint") `,
    );
    await queryRunner.query(
      `CREATE TABLE "finding_changes" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "finding_id" uuid NOT NULL, "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "reason" character varying(16), "comment" text, "actor" text NOT NULL, "scan_id" uuid, CONSTRAINT "PK_13db02480979d18a8e43c22da7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a7796101a3d7ceade83418eab4" ON "finding_changes"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_63de6534590ebe285e31ee8e79" ON "finding_changes"  ("finding_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "finding_rules" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "tool" text NOT NULL, "rule_id" text NOT NULL, "name" text, "short_description" text, "help_text" text, "help_uri" text, "tags" text array NOT NULL DEFAULT '{}', "cwe" text array NOT NULL DEFAULT '{}', "security_severity" real, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f25803e9d5cccd404da4005ca11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_da7b7f0a09a4d41549648e492a" ON "finding_rules"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3362706451a4d821a83ca090b4" ON "finding_rules"  ("organization_id", "tool", "rule_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "finding_sightings" ("organization_id" uuid NOT NULL, "scan_id" uuid NOT NULL, "finding_id" uuid NOT NULL, CONSTRAINT "PK_f6d25ddacb943d0c757d6925962" PRIMARY KEY ("scan_id", "finding_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d8c1448394da7d296e162fea00" ON "finding_sightings"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ac87024bf55156c2f9c75b5945" ON "finding_sightings"  ("finding_id") `);
    await queryRunner.query(
      `CREATE TABLE "scans" ("organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "repository_id" uuid NOT NULL, "project_id" uuid NOT NULL, "snapshot_id" uuid NOT NULL, "origin" character varying(8) NOT NULL, "job_id" uuid, "status" character varying(16) NOT NULL, "configuration" jsonb NOT NULL, "progress" jsonb NOT NULL, "summary" jsonb, "tools" text array NOT NULL DEFAULT '{}', "artifacts" jsonb NOT NULL DEFAULT '[]', "error" jsonb, "requested_by" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "scanner_seconds" integer, CONSTRAINT "PK_41156c08314b9e541c1cb18c588" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a350cdc2aa71aeef0a0113ef25" ON "scans"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_813d559c3015e81ed757d31284" ON "scans"  ("job_id") WHERE job_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_352c277883b26fbd2593c82e35" ON "scans"  ("organization_id", "project_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_4a65c130b98db48b67bc24b06f" ON "scans"  ("organization_id", "repository_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_4ea1d05beea31f0e838609b3b00" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_changes" ADD CONSTRAINT "FK_a7796101a3d7ceade83418eab41" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_rules" ADD CONSTRAINT "FK_da7b7f0a09a4d41549648e492ab" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "finding_sightings" ADD CONSTRAINT "FK_d8c1448394da7d296e162fea001" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scans" ADD CONSTRAINT "FK_a350cdc2aa71aeef0a0113ef252" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scans" DROP CONSTRAINT "FK_a350cdc2aa71aeef0a0113ef252"`);
    await queryRunner.query(`ALTER TABLE "finding_sightings" DROP CONSTRAINT "FK_d8c1448394da7d296e162fea001"`);
    await queryRunner.query(`ALTER TABLE "finding_rules" DROP CONSTRAINT "FK_da7b7f0a09a4d41549648e492ab"`);
    await queryRunner.query(`ALTER TABLE "finding_changes" DROP CONSTRAINT "FK_a7796101a3d7ceade83418eab41"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP CONSTRAINT "FK_4ea1d05beea31f0e838609b3b00"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a65c130b98db48b67bc24b06f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_352c277883b26fbd2593c82e35"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_813d559c3015e81ed757d31284"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a350cdc2aa71aeef0a0113ef25"`);
    await queryRunner.query(`DROP TABLE "scans"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac87024bf55156c2f9c75b5945"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d8c1448394da7d296e162fea00"`);
    await queryRunner.query(`DROP TABLE "finding_sightings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3362706451a4d821a83ca090b4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da7b7f0a09a4d41549648e492a"`);
    await queryRunner.query(`DROP TABLE "finding_rules"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63de6534590ebe285e31ee8e79"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7796101a3d7ceade83418eab4"`);
    await queryRunner.query(`DROP TABLE "finding_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1920de7eae0b3ec32099327e6f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cec54738a56fb21a89adb16013"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ca54553c571820948fe11f2ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ea1d05beea31f0e838609b3b0"`);
    await queryRunner.query(`DROP TABLE "findings"`);
  }
}
