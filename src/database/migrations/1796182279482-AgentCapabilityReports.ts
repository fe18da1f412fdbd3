import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentCapabilityReports1796182279482 implements MigrationInterface {
  name = 'AgentCapabilityReports1796182279482';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agents" ADD "capabilities_reported_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agents" DROP COLUMN "capabilities_reported_at"`);
  }
}
