import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyHolder1796181457698 implements MigrationInterface {
  name = 'IdempotencyHolder1796181457698';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD "holder" bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "holder"`);
  }
}
