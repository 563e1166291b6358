import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification types of the mentorship workspace (issue 19): thread messages, sessions, session reminders. */
export class MentorshipWorkspaceTypes1797000000001 implements MigrationInterface {
  name = 'MentorshipWorkspaceTypes1797000000001';

  async up(runner: QueryRunner): Promise<void> {
    for (const value of ['MENTORSHIP_MESSAGE', 'MENTORSHIP_SESSION', 'MENTORSHIP_SESSION_REMINDER']) {
      await runner.query(`ALTER TYPE "public"."notification_type" ADD VALUE IF NOT EXISTS '${value}'`);
    }
  }

  async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value; the values stay unused.
  }
}
