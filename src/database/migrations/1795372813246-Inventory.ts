import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795372813246 implements MigrationInterface {
  name = 'Inventory1795372813246';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "freeze_windows" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "environment_id" uuid NOT NULL, "reason" text NOT NULL, "start_local" text NOT NULL, "end_local" text NOT NULL, "time_zone" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b146a6eb36eba25b9216300b3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c980ea1fb3ed24f3c911dc9b1f" ON "freeze_windows"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_32b73059859a6d7ddddc778a26" ON "freeze_windows"  ("environment_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "environments" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "project_id" uuid, "name" text NOT NULL, "tier" character varying(16) NOT NULL DEFAULT 'other', "description" text NOT NULL DEFAULT '', "clusters" text array NOT NULL DEFAULT '{}', "labels" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec32d12469ec3c2f2f20c4f5e71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a340a4d674fbeb9305f5899e46" ON "environments"  ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_79f5159000c43fcac6cd2490d6" ON "environments"  ("organization_id", "name") WHERE project_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_14a0cb484dd51a4cc6bd1c1d1c" ON "environments"  ("organization_id", "project_id", "name") WHERE project_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "projects" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "slug" text NOT NULL, "description" text NOT NULL DEFAULT '', "status" character varying(16) NOT NULL DEFAULT 'active', "created_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_585c8ce06628c70b70100bfb84" ON "projects"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9e19e6e534ee8bc908e801e5d3" ON "projects"  ("organization_id", "slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_91e87addbc79ac4eeb56f51e09" ON "projects"  ("organization_id", "name") `);
    await queryRunner.query(
      `ALTER TABLE "freeze_windows" ADD CONSTRAINT "FK_7876c4b1519a740d108a0ed7164" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "freeze_windows" ADD CONSTRAINT "FK_c980ea1fb3ed24f3c911dc9b1ff" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "environments" ADD CONSTRAINT "FK_e6abd34366a5d759985d0677616" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "environments" ADD CONSTRAINT "FK_a340a4d674fbeb9305f5899e46e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_585c8ce06628c70b70100bfb842" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_585c8ce06628c70b70100bfb842"`);
    await queryRunner.query(`ALTER TABLE "environments" DROP CONSTRAINT "FK_a340a4d674fbeb9305f5899e46e"`);
    await queryRunner.query(`ALTER TABLE "environments" DROP CONSTRAINT "FK_e6abd34366a5d759985d0677616"`);
    await queryRunner.query(`ALTER TABLE "freeze_windows" DROP CONSTRAINT "FK_c980ea1fb3ed24f3c911dc9b1ff"`);
    await queryRunner.query(`ALTER TABLE "freeze_windows" DROP CONSTRAINT "FK_7876c4b1519a740d108a0ed7164"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91e87addbc79ac4eeb56f51e09"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e19e6e534ee8bc908e801e5d3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_585c8ce06628c70b70100bfb84"`);
    await queryRunner.query(`DROP TABLE "projects"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14a0cb484dd51a4cc6bd1c1d1c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79f5159000c43fcac6cd2490d6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a340a4d674fbeb9305f5899e46"`);
    await queryRunner.query(`DROP TABLE "environments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32b73059859a6d7ddddc778a26"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c980ea1fb3ed24f3c911dc9b1f"`);
    await queryRunner.query(`DROP TABLE "freeze_windows"`);
  }
}
