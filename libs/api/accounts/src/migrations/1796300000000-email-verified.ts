import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email verification: existing accounts start unverified (nothing is blocked for them yet). */
export class EmailVerified1796300000000 implements MigrationInterface {
  name = 'EmailVerified1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
