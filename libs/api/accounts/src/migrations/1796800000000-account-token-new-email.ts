import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A change-of-address link remembers the new address it was sent to. */
export class AccountTokenNewEmail1796800000000 implements MigrationInterface {
  name = 'AccountTokenNewEmail1796800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "account_tokens" ADD "new_email" character varying(254)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "account_tokens" DROP COLUMN "new_email"`);
  }
}
