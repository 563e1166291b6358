import type { MigrationInterface, QueryRunner } from 'typeorm';

const ADDED = ['MENTORSHIP_REMINDER', 'MENTORSHIP_CHECK_IN', 'MENTORSHIP_ENDED', 'MENTORSHIP_CONDUCT'];

/**
 * Hand-written. Notification types for the mentorship workspace's care rules (the 48 h reminder,
 * check-ins, a mentorship ended as not a good fit, no-show warnings). Down rebuilds the enum from
 * whatever values it holds then, minus these, so it reverts whatever other values were added since.
 */
export class MentoringCareNotificationTypes1797000000101 implements MigrationInterface {
  name = 'MentoringCareNotificationTypes1797000000101';

  async up(runner: QueryRunner): Promise<void> {
    for (const value of ADDED) await runner.query(`ALTER TYPE "public"."notification_type" ADD VALUE IF NOT EXISTS '${value}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const list = ADDED.map((v) => `'${v}'`).join(', ');
    await runner.query(`DELETE FROM "notifications" WHERE "type"::text IN (${list})`);
    await runner.query(`DELETE FROM "notification_settings" WHERE "type"::text IN (${list})`);
    await runner.query(`DO $$ DECLARE labels text; BEGIN
      SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) INTO labels FROM pg_enum e
        JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'notification_type' AND e.enumlabel NOT IN (${list});
      EXECUTE 'CREATE TYPE "public"."notification_type_old" AS ENUM(' || labels || ')';
    END $$`);
    await runner.query(`ALTER TABLE "notifications" ALTER COLUMN "type" TYPE "public"."notification_type_old" USING "type"::text::"public"."notification_type_old"`);
    await runner.query(`ALTER TABLE "notification_settings" ALTER COLUMN "type" TYPE "public"."notification_type_old" USING "type"::text::"public"."notification_type_old"`);
    await runner.query(`DROP TYPE "public"."notification_type"`);
    await runner.query(`ALTER TYPE "public"."notification_type_old" RENAME TO "notification_type"`);
  }
}
