import type { MigrationInterface, QueryRunner } from 'typeorm';

const ADDED = ['LIFT_MENTOR_PAUSE', 'UPHOLD_MENTOR_PAUSE'];

/**
 * Hand-written. A moderator's decision on a paused mentor's appeal (mentoring, issue 19 B) goes to the
 * audit log through the platform's AuditWriter. Down drops those entries and rebuilds the enum from
 * the values it holds then, minus these.
 */
export class MentorPauseActions1797000000102 implements MigrationInterface {
  name = 'MentorPauseActions1797000000102';

  async up(runner: QueryRunner): Promise<void> {
    for (const value of ADDED) await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE IF NOT EXISTS '${value}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const list = ADDED.map((v) => `'${v}'`).join(', ');
    await runner.query(`DELETE FROM "moderation_log" WHERE "action"::text IN (${list})`);
    await runner.query(`DO $$ DECLARE labels text; BEGIN
      SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) INTO labels FROM pg_enum e
        JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'moderation_action' AND e.enumlabel NOT IN (${list});
      EXECUTE 'CREATE TYPE "public"."moderation_action_old" AS ENUM(' || labels || ')';
    END $$`);
    await runner.query(`ALTER TABLE "moderation_log" ALTER COLUMN "action" TYPE "public"."moderation_action_old" USING "action"::text::"public"."moderation_action_old"`);
    await runner.query(`DROP TYPE "public"."moderation_action"`);
    await runner.query(`ALTER TYPE "public"."moderation_action_old" RENAME TO "moderation_action"`);
  }
}
