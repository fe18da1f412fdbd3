import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Gitops1795380000000 implements MigrationInterface {
  name = 'Gitops1795380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "argocd_endpoints" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "url" text NOT NULL, "token_ciphertext" bytea NOT NULL, "token_fingerprint" text NOT NULL, "verify_tls" boolean NOT NULL DEFAULT true, "enabled" boolean NOT NULL DEFAULT true, "last_discovery_at" TIMESTAMP WITH TIME ZONE, "last_error" jsonb, "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e92348edbfd9439d913c4130143" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4a795f312ed01de95c2c9c8b6e" ON "argocd_endpoints"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_be2395107384521757856313fe" ON "argocd_endpoints"  ("organization_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "gitops_app_mappings" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "application_name" text NOT NULL, "cluster_name" text NOT NULL, "namespace" text NOT NULL DEFAULT '', "ref" text NOT NULL, "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ec2f9d221a05b767eb816876f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c2536ceb3c213223704924751a" ON "gitops_app_mappings"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0f1866d579cd3cfbc858116674" ON "gitops_app_mappings"  ("endpoint_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_d0fa82f83b2f5b9e05e0af5094" ON "gitops_app_mappings"  ("organization_id", "cluster_name", "namespace", "ref") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a42a3372061962dd3aa1ab42e3" ON "gitops_app_mappings"  ("organization_id", "endpoint_id", "application_name", "cluster_name", "namespace", "ref") `,
    );
    await queryRunner.query(
      `ALTER TABLE "argocd_endpoints" ADD CONSTRAINT "FK_4a795f312ed01de95c2c9c8b6ee" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gitops_app_mappings" ADD CONSTRAINT "FK_0f1866d579cd3cfbc8581166748" FOREIGN KEY ("endpoint_id") REFERENCES "argocd_endpoints"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gitops_app_mappings" ADD CONSTRAINT "FK_c2536ceb3c213223704924751a9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gitops_app_mappings" DROP CONSTRAINT "FK_c2536ceb3c213223704924751a9"`);
    await queryRunner.query(`ALTER TABLE "gitops_app_mappings" DROP CONSTRAINT "FK_0f1866d579cd3cfbc8581166748"`);
    await queryRunner.query(`ALTER TABLE "argocd_endpoints" DROP CONSTRAINT "FK_4a795f312ed01de95c2c9c8b6ee"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a42a3372061962dd3aa1ab42e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0fa82f83b2f5b9e05e0af5094"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0f1866d579cd3cfbc858116674"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2536ceb3c213223704924751a"`);
    await queryRunner.query(`DROP TABLE "gitops_app_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be2395107384521757856313fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a795f312ed01de95c2c9c8b6e"`);
    await queryRunner.query(`DROP TABLE "argocd_endpoints"`);
  }
}
