import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset indexes of the profile lists (User.questions, User.answers): partial, walked backwards for newest first. */
export class UserPostsIndexes1795310774137 implements MigrationInterface {
  name = 'UserPostsIndexes1795310774137';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "questions_author_newest_idx" ON "questions"  ("author_id", "created_at", "id") WHERE "deleted_at" IS NULL`);
    await runner.query(`CREATE INDEX "answers_author_newest_idx" ON "answers"  ("author_id", "created_at", "id") WHERE "deleted_at" IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."answers_author_newest_idx"`);
    await runner.query(`DROP INDEX "public"."questions_author_newest_idx"`);
  }
}
