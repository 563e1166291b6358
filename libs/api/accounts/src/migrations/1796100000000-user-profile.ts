import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The member's own profile (issue 15): bio, location, links. */
export class UserProfile1796100000000 implements MigrationInterface {
  name = 'UserProfile1796100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" ADD "bio" text`);
    await runner.query(`ALTER TABLE "users" ADD "location" character varying(100)`);
    await runner.query(`ALTER TABLE "users" ADD "links" text array NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "users" DROP COLUMN "links"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "location"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "bio"`);
  }
}
