import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS = ['HIDE_MENTORSHIP_MESSAGE', 'DISMISS_MESSAGE_REPORT'];

/**
 * Hand-written (issue 19). Moderation's queue of reported mentorship messages (rows keyed by
 * mentoring's report id, filled from its `mentoring.message.reported` event), and the audit log's
 * actions and target for deciding them. Down drops the queue and those log entries, and rebuilds
 * both enums without the added values.
 */
export class MessageReports1797000000202 implements MigrationInterface {
  name = 'MessageReports1797000000202';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "message_reports" (
        "id" uuid NOT NULL PRIMARY KEY,
        "message_id" uuid NOT NULL,
        "mentorship_id" uuid NOT NULL,
        "reporter_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "author_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "reason" character varying(500) NOT NULL,
        "reported_at" timestamptz(3) NOT NULL DEFAULT now(),
        "decision" text CHECK ("decision" IN ('HIDE', 'DISMISS')),
        "decided_by_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "decided_at" timestamptz(3)
      )`);
    // The queue: open reports, oldest first.
    await runner.query(
      `CREATE INDEX "message_reports_open_idx" ON "message_reports" ("reported_at", "id") WHERE "decided_at" IS NULL`,
    );
    for (const value of ACTIONS)
      await runner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE IF NOT EXISTS '${value}'`);
    await runner.query(`ALTER TYPE "public"."moderation_target" ADD VALUE IF NOT EXISTS 'MENTORSHIP_MESSAGE'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "message_reports"`);
    const actions = ACTIONS.map((v) => `'${v}'`).join(', ');
    await runner.query(
      `DELETE FROM "moderation_log" WHERE "action"::text IN (${actions}) OR "target_type"::text = 'MENTORSHIP_MESSAGE'`,
    );
    for (const [type, column, list] of [
      ['moderation_action', 'action', actions],
      ['moderation_target', 'target_type', `'MENTORSHIP_MESSAGE'`],
    ] as const) {
      await runner.query(`DO $$ DECLARE labels text; BEGIN
        SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) INTO labels FROM pg_enum e
          JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = '${type}' AND e.enumlabel NOT IN (${list});
        EXECUTE 'CREATE TYPE "public"."${type}_old" AS ENUM(' || labels || ')';
      END $$`);
      await runner.query(
        `ALTER TABLE "moderation_log" ALTER COLUMN "${column}" TYPE "public"."${type}_old" USING "${column}"::text::"public"."${type}_old"`,
      );
      await runner.query(`DROP TYPE "public"."${type}"`);
      await runner.query(`ALTER TYPE "public"."${type}_old" RENAME TO "${type}"`);
    }
  }
}
