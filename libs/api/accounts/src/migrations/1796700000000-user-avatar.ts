import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The current avatar upload of a user (its files live in the avatar store under this version). */
export class UserAvatar1796700000000 implements MigrationInterface {
  name = 'UserAvatar1796700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "avatar_version" character varying(16)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "avatar_version"`);
  }
}
