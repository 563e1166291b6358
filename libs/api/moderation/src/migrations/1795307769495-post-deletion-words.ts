import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who hid a post and why (deleted_by / delete_reason on questions, answers and comments), the
 * admin-edited moderation word list (seeded with the former built-in list), and the new log actions.
 */
export class PostDeletionWords1795307769495 implements MigrationInterface {
  name = 'PostDeletionWords1795307769495';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "moderation_words" ("word" character varying(60) NOT NULL, "added_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57feefab60bd5ccdd88ff5e1dff" PRIMARY KEY ("word"))`);
    await runner.query(`ALTER TABLE "questions" ADD "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "questions" ADD "delete_reason" character varying(500)`);
    await runner.query(`ALTER TABLE "comments" ADD "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "comments" ADD "delete_reason" character varying(500)`);
    await runner.query(`ALTER TABLE "answers" ADD "deleted_by" uuid`);
    await runner.query(`ALTER TABLE "answers" ADD "delete_reason" character varying(500)`);
    await runner.query(`DROP INDEX "public"."moderation_log_action_idx"`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'HIDE_POST'`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'RESTORE_POST'`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'SET_MODERATION_WORDS'`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'SET_ROLE'`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'VERIFY_MENTOR'`);
    await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'UNVERIFY_MENTOR'`);
    await runner.query(`ALTER TYPE "public"."moderation_target" ADD VALUE 'WORD_LIST'`);
    await runner.query(`CREATE INDEX "moderation_log_action_idx" ON "moderation_log"  ("action", "created_at", "id") `);
    await runner.query(`ALTER TABLE "moderation_words" ADD CONSTRAINT "FK_349d76a3456659a6a7490c61620" FOREIGN KEY ("added_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await runner.query(
      `INSERT INTO "moderation_words" ("word") VALUES ('viagra'), ('cialis'), ('casino'), ('porn'), ('escort'), ('payday loan'), ('crypto giveaway'), ('bitcoin doubler'), ('work from home and earn')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "moderation_words" DROP CONSTRAINT "FK_349d76a3456659a6a7490c61620"`);
    await runner.query(`DROP INDEX "public"."moderation_log_action_idx"`);
    await runner.query(`CREATE TYPE "public"."moderation_target_old" AS ENUM('USER', 'QUESTION', 'ANSWER', 'COMMENT')`);
    await runner.query(`ALTER TABLE "moderation_log" ALTER COLUMN "target_type" TYPE "public"."moderation_target_old" USING "target_type"::"text"::"public"."moderation_target_old"`);
    await runner.query(`DROP TYPE "public"."moderation_target"`);
    await runner.query(`ALTER TYPE "public"."moderation_target_old" RENAME TO "moderation_target"`);
    await runner.query(`CREATE TYPE "public"."moderation_action_old" AS ENUM('SUSPEND', 'LIFT_SUSPENSION', 'APPROVE_COMMENT', 'REJECT_COMMENT', 'SPAM_COMMENT', 'CLOSE_QUESTION', 'REOPEN_QUESTION', 'DISMISS_FLAGS', 'HIDE_FLAGGED')`);
    await runner.query(`ALTER TABLE "moderation_log" ALTER COLUMN "action" TYPE "public"."moderation_action_old" USING "action"::"text"::"public"."moderation_action_old"`);
    await runner.query(`DROP TYPE "public"."moderation_action"`);
    await runner.query(`ALTER TYPE "public"."moderation_action_old" RENAME TO "moderation_action"`);
    await runner.query(`CREATE INDEX "moderation_log_action_idx" ON "moderation_log" ("action", "created_at", "id") `);
    await runner.query(`ALTER TABLE "answers" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "answers" DROP COLUMN "deleted_by"`);
    await runner.query(`ALTER TABLE "comments" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "comments" DROP COLUMN "deleted_by"`);
    await runner.query(`ALTER TABLE "questions" DROP COLUMN "delete_reason"`);
    await runner.query(`ALTER TABLE "questions" DROP COLUMN "deleted_by"`);
    await runner.query(`DROP TABLE "moderation_words"`);
  }
}
