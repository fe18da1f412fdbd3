import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DiscoveredSecrets1795373239172 implements MigrationInterface {
  name = 'DiscoveredSecrets1795373239172';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "discovered_secrets" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "cluster_name" text NOT NULL, "namespace" text NOT NULL DEFAULT '', "provider" text NOT NULL, "ref" text NOT NULL, "labels" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "version" text, "agent_id" uuid, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d6bde4d1b9e3a848bbffb26ce35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9371abafbd86d0ac08cb467f7e" ON "discovered_secrets"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_145d3dcec9015d89e25af4c991" ON "discovered_secrets"  ("organization_id", "ref") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_54b0e8820d7f4ab71f13932807" ON "discovered_secrets"  ("organization_id", "cluster_name", "namespace", "provider", "ref") `,
    );
    await queryRunner.query(
      `ALTER TABLE "discovered_secrets" ADD CONSTRAINT "FK_9371abafbd86d0ac08cb467f7e3" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "discovered_secrets" DROP CONSTRAINT "FK_9371abafbd86d0ac08cb467f7e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54b0e8820d7f4ab71f13932807"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_145d3dcec9015d89e25af4c991"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9371abafbd86d0ac08cb467f7e"`);
    await queryRunner.query(`DROP TABLE "discovered_secrets"`);
  }
}
