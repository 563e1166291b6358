import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insights' mentorship requests and held comments (issue 17, part 2). */
export class MentorshipModeration1797100000100 implements MigrationInterface {
  name = 'MentorshipModeration1797100000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "insights_mentorships" ("request_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "requested_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP(3) WITH TIME ZONE, "accepted" boolean, "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_f1711a4ed7be7a06d49159550de" PRIMARY KEY ("request_id")); COMMENT ON COLUMN "insights_mentorships"."accepted" IS 'true: accepted, false: declined, null: not answered'`);
    await runner.query(`CREATE INDEX "insights_mentorships_requested_idx" ON "insights_mentorships"  ("requested_at") `);
    await runner.query(`CREATE TABLE "insights_held_comments" ("comment_id" uuid NOT NULL, "held_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by" uuid, "decision" character varying(16), CONSTRAINT "PK_4ef79de0cab3eba9667d65641e7" PRIMARY KEY ("comment_id")); COMMENT ON COLUMN "insights_held_comments"."decision" IS 'APPROVE, REJECT or SPAM'`);
    await runner.query(`CREATE INDEX "insights_held_comments_decided_idx" ON "insights_held_comments"  ("decided_at") `);
    await runner.query(`CREATE INDEX "insights_held_comments_open_idx" ON "insights_held_comments"  ("held_at") WHERE decided_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."insights_held_comments_open_idx"`);
    await runner.query(`DROP INDEX "public"."insights_held_comments_decided_idx"`);
    await runner.query(`DROP TABLE "insights_held_comments"`);
    await runner.query(`DROP INDEX "public"."insights_mentorships_requested_idx"`);
    await runner.query(`DROP TABLE "insights_mentorships"`);
  }
}
