import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentorship workspace (issue 19, part A): the pair's private thread and read marks, the shared
 * plan's revisions, mentors' weekly availability and date exceptions, and booked sessions. A mentor
 * is never double-booked: an exclusion constraint (btree_gist) refuses two SCHEDULED sessions of one
 * mentor whose [starts_at, ends_at) ranges overlap, whatever the application does.
 */
export class MentorshipWorkspace1797000000000 implements MigrationInterface {
  name = 'MentorshipWorkspace1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await runner.query(`
      CREATE TABLE "mentorship_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "mentorship_id" uuid NOT NULL REFERENCES "mentorship_requests" ("id") ON DELETE CASCADE,
        "author_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "body" text NOT NULL,
        "created_at" timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    // The thread's keyset: newest first.
    await runner.query(`CREATE INDEX "mentorship_messages_thread_idx" ON "mentorship_messages" ("mentorship_id", "created_at" DESC, "id" DESC)`);
    await runner.query(`
      CREATE TABLE "mentorship_read_marks" (
        "mentorship_id" uuid NOT NULL REFERENCES "mentorship_requests" ("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "read_at" timestamptz(3) NOT NULL,
        PRIMARY KEY ("mentorship_id", "user_id")
      )`);
    await runner.query(`
      CREATE TABLE "mentorship_plan_revisions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "mentorship_id" uuid NOT NULL REFERENCES "mentorship_requests" ("id") ON DELETE CASCADE,
        "revision" integer NOT NULL,
        "editor_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "goal" text,
        "plan" text,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "mentorship_plan_revisions_revision_key" UNIQUE ("mentorship_id", "revision")
      )`);
    await runner.query(`
      CREATE TABLE "mentor_availability_windows" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "mentor_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "weekday" smallint NOT NULL CHECK ("weekday" BETWEEN 1 AND 7),
        "start_minute" smallint NOT NULL CHECK ("start_minute" BETWEEN 0 AND 1439),
        "end_minute" smallint NOT NULL CHECK ("end_minute" BETWEEN 1 AND 1440),
        "time_zone" text NOT NULL,
        CHECK ("start_minute" < "end_minute")
      )`);
    await runner.query(`CREATE INDEX "mentor_availability_windows_mentor_idx" ON "mentor_availability_windows" ("mentor_id", "weekday", "start_minute")`);
    await runner.query(`
      CREATE TABLE "mentor_availability_exceptions" (
        "mentor_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "day" date NOT NULL,
        PRIMARY KEY ("mentor_id", "day")
      )`);
    await runner.query(`
      CREATE TABLE "mentorship_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "mentorship_id" uuid NOT NULL REFERENCES "mentorship_requests" ("id") ON DELETE CASCADE,
        "mentor_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "mentee_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "booked_by_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "starts_at" timestamptz(3) NOT NULL,
        "ends_at" timestamptz(3) NOT NULL,
        "time_zone" text NOT NULL,
        "status" text NOT NULL DEFAULT 'SCHEDULED' CHECK ("status" IN ('SCHEDULED', 'DONE', 'CANCELLED', 'LATE_CANCELLED', 'NO_SHOW')),
        "updated_by_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "reminded_24h_at" timestamptz(3),
        "reminded_1h_at" timestamptz(3),
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ("starts_at" < "ends_at"),
        CONSTRAINT "mentorship_sessions_no_overlap" EXCLUDE USING gist ("mentor_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'SCHEDULED')
      )`);
    await runner.query(`CREATE INDEX "mentorship_sessions_mentorship_idx" ON "mentorship_sessions" ("mentorship_id", "starts_at")`);
    // The reminder sweep: scheduled sessions by start.
    await runner.query(`CREATE INDEX "mentorship_sessions_scheduled_idx" ON "mentorship_sessions" ("starts_at") WHERE "status" = 'SCHEDULED'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const t of ['mentorship_sessions', 'mentor_availability_exceptions', 'mentor_availability_windows', 'mentorship_plan_revisions', 'mentorship_read_marks', 'mentorship_messages']) {
      await runner.query(`DROP TABLE "${t}"`);
    }
  }
}
