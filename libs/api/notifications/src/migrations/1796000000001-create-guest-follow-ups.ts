import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Guests' confirmed "Notify me of follow-up comments" subscriptions (one per question and address). */
export class CreateGuestFollowUps1796000000001 implements MigrationInterface {
  name = 'CreateGuestFollowUps1796000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "guest_follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "comment_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_guest_follow_ups" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "guest_follow_ups_question_email_key" ON "guest_follow_ups" ("question_id", "email")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."guest_follow_ups_question_email_key"`);
    await runner.query(`DROP TABLE "guest_follow_ups"`);
  }
}
