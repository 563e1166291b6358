import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Leaving: when deletion was asked for (a grace period to undo it) and when the personal data was erased. */
export class AccountDeletion1796500000000 implements MigrationInterface {
  name = 'AccountDeletion1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "deletion_requested_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "users" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "erased_at"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "deletion_requested_at"`);
  }
}
