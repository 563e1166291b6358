import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin-edited moderation word list (seeded with the former built-in list) and the new log
 * actions. Squashed out of the former PostDeletionWords1795307769495 (whose qa columns are now qa's
 * PostDeletionColumns1795307769496); idempotent, so a database that ran that migration runs this one
 * as a no-op: the list is created and seeded only when it does not exist yet (an admin's edits stay).
 */
export class ModerationWords1795307769497 implements MigrationInterface {
  name = 'ModerationWords1795307769497';

  async up(runner: QueryRunner): Promise<void> {
    const [{ exists }] = (await runner.query(`SELECT to_regclass('public.moderation_words') IS NOT NULL AS "exists"`)) as { exists: boolean }[];
    if (!exists) {
      await runner.query(`CREATE TABLE "moderation_words" ("word" character varying(60) NOT NULL, "added_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57feefab60bd5ccdd88ff5e1dff" PRIMARY KEY ("word"))`);
      await runner.query(`ALTER TABLE "moderation_words" ADD CONSTRAINT "FK_349d76a3456659a6a7490c61620" FOREIGN KEY ("added_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
      await runner.query(
        `INSERT INTO "moderation_words" ("word") VALUES ('viagra'), ('cialis'), ('casino'), ('porn'), ('escort'), ('payday loan'), ('crypto giveaway'), ('bitcoin doubler'), ('work from home and earn')`,
      );
    }
    for (const action of ['HIDE_POST', 'RESTORE_POST', 'SET_MODERATION_WORDS', 'SET_ROLE', 'VERIFY_MENTOR', 'UNVERIFY_MENTOR']) {
      await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE IF NOT EXISTS '${action}'`);
    }
    await runner.query(`ALTER TYPE "public"."moderation_target" ADD VALUE IF NOT EXISTS 'WORD_LIST'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // An enum value cannot be dropped: the types are re-created with the earlier values.
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
    await runner.query(`DROP TABLE "moderation_words"`);
  }
}
