import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sessions page: the browser and coarse network (/24, /48) each refresh token was issued to. */
export class SessionClient1796400000000 implements MigrationInterface {
  name = 'SessionClient1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "refresh_tokens" ADD "user_agent" character varying(255)`);
    await runner.query(`ALTER TABLE "refresh_tokens" ADD "ip_prefix" character varying(64)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "ip_prefix"`);
    await runner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "user_agent"`);
  }
}
