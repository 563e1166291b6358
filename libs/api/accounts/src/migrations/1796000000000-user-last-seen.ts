import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Presence: when a member was last active (written by the principal lookup, at most once a minute). */
export class UserLastSeen1796000000000 implements MigrationInterface {
  name = 'UserLastSeen1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "last_seen_at"`);
  }
}
