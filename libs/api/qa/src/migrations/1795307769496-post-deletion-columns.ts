import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who hid a post and why: deleted_by / delete_reason on questions, answers and comments. Squashed out
 * of moderation's former PostDeletionWords1795307769495, which also added them; idempotent, so a
 * database that ran that migration runs this one as a no-op (the squash is proved by
 * apps/api/test/migration-squash.int-spec.ts).
 */
export class PostDeletionColumns1795307769496 implements MigrationInterface {
  name = 'PostDeletionColumns1795307769496';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "questions" ADD COLUMN IF NOT EXISTS "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "questions" ADD COLUMN IF NOT EXISTS "delete_reason" character varying(500)`);
    await runner.query(`ALTER TABLE "comments" ADD COLUMN IF NOT EXISTS "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "comments" ADD COLUMN IF NOT EXISTS "delete_reason" character varying(500)`);
    await runner.query(`ALTER TABLE "answers" ADD COLUMN IF NOT EXISTS "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "answers" ADD COLUMN IF NOT EXISTS "delete_reason" character varying(500)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "answers" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "answers" DROP COLUMN "deleted_by"`);
    await runner.query(`ALTER TABLE "comments" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "comments" DROP COLUMN "deleted_by"`);
    await runner.query(`ALTER TABLE "questions" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "questions" DROP COLUMN "deleted_by"`);
  }
}
