import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 19, the remaining pieces). Reports of thread messages (one per message and
 * reporter) and a moderator's hiding of a message; the mentee's zone on each session (sent by the
 * web client when booking), so notifications show each person's own time.
 */
export class MessageReportsZones1797000000200 implements MigrationInterface {
  name = 'MessageReportsZones1797000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "mentorship_messages" ADD "hidden_at" timestamptz(3)`);
    await runner.query(
      `ALTER TABLE "mentorship_messages" ADD "hidden_by_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL`,
    );
    await runner.query(`
      CREATE TABLE "mentorship_message_reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "message_id" uuid NOT NULL REFERENCES "mentorship_messages" ("id") ON DELETE CASCADE,
        "reporter_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "reason" character varying(500) NOT NULL,
        "created_at" timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX "mentorship_message_reports_one_idx" ON "mentorship_message_reports" ("message_id", "reporter_id")`,
    );
    await runner.query(`ALTER TABLE "mentorship_sessions" ADD "mentee_time_zone" text`);
    // The mentee's latest known zone, for sessions the mentor books.
    await runner.query(
      `CREATE INDEX "mentorship_sessions_mentee_zone_idx" ON "mentorship_sessions" ("mentee_id", "created_at" DESC) WHERE "mentee_time_zone" IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "mentorship_sessions_mentee_zone_idx"`);
    await runner.query(`ALTER TABLE "mentorship_sessions" DROP COLUMN "mentee_time_zone"`);
    await runner.query(`DROP TABLE "mentorship_message_reports"`);
    await runner.query(`ALTER TABLE "mentorship_messages" DROP COLUMN "hidden_by_id"`);
    await runner.query(`ALTER TABLE "mentorship_messages" DROP COLUMN "hidden_at"`);
  }
}
