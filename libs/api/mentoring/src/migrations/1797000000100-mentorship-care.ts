import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities, plus two hand-written partial indexes: pending requests not yet
 * reminded (the 48 h reminder job) and appeals not yet decided (the moderators' list, oldest first).
 */
export class MentorshipCare1797000000100 implements MigrationInterface {
  name = 'MentorshipCare1797000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "mentorship_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP(3) WITH TIME ZONE, "good_fit" boolean, "made_move" boolean, "role_reached" character varying(120), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentorship_check_ins_kind_check" CHECK ("kind" IN ('FIT', 'DAY_30', 'DAY_60', 'DAY_90', 'AFTER_END')), CONSTRAINT "PK_781f633d69eee3ef1aea8b35968" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "mentorship_check_ins_user_idx" ON "mentorship_check_ins"  ("user_id", "due_at") `);
    await runner.query(`CREATE UNIQUE INDEX "mentorship_check_ins_one_idx" ON "mentorship_check_ins"  ("request_id", "user_id", "kind") `);
    await runner.query(`CREATE TABLE "mentorship_conduct_incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "is_mentor" boolean NOT NULL, "kind" character varying(12) NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentorship_conduct_incidents_kind_check" CHECK ("kind" IN ('NO_SHOW', 'LATE_CANCEL')), CONSTRAINT "PK_b9d15fc753f9fc8a9c6eea4e121" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "mentorship_conduct_incidents_request_idx" ON "mentorship_conduct_incidents"  ("request_id") `);
    await runner.query(`CREATE INDEX "mentorship_conduct_incidents_user_idx" ON "mentorship_conduct_incidents"  ("user_id", "occurred_at") `);
    await runner.query(`CREATE UNIQUE INDEX "mentorship_conduct_incidents_session_idx" ON "mentorship_conduct_incidents"  ("session_id") `);
    await runner.query(`CREATE TABLE "mentor_request_pauses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "lifted_at" TIMESTAMP(3) WITH TIME ZONE, "lifted_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df3189d43f4019b2be440ad5faf" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "mentor_request_pauses_mentor_idx" ON "mentor_request_pauses"  ("mentor_id", "ends_at") `);
    await runner.query(`CREATE TABLE "mentor_pause_appeals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pause_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "message" character varying(2000) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by_id" uuid, "upheld" boolean, CONSTRAINT "PK_35ec96a0c3db176c983a46513e5" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "mentor_pause_appeals_pause_idx" ON "mentor_pause_appeals"  ("pause_id") `);
    await runner.query(`ALTER TABLE "mentorship_requests" ADD "end_reason" character varying(20)`);
    await runner.query(`ALTER TABLE "mentorship_requests" ADD "reminded_at" TIMESTAMP(3) WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "mentorship_reviews" ADD "met_expectations" smallint`);
    await runner.query(`CREATE INDEX "mentorship_requests_mentor_responded_idx" ON "mentorship_requests"  ("mentor_id", "responded_at") `);
    await runner.query(`ALTER TABLE "mentorship_reviews" ADD CONSTRAINT "mentorship_reviews_met_expectations_check" CHECK ("met_expectations" BETWEEN 1 AND 5)`);
    await runner.query(`ALTER TABLE "mentorship_check_ins" ADD CONSTRAINT "FK_dbf2dc293d18b23a77f16be4cf1" FOREIGN KEY ("request_id") REFERENCES "mentorship_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_check_ins" ADD CONSTRAINT "FK_6e29d83ceee81a557afad39c694" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_conduct_incidents" ADD CONSTRAINT "FK_a20391c853bb80b7b4d568def74" FOREIGN KEY ("request_id") REFERENCES "mentorship_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_conduct_incidents" ADD CONSTRAINT "FK_b905aedf01a56c520e963916553" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentor_request_pauses" ADD CONSTRAINT "FK_4b2e47100512625c82a898b27a9" FOREIGN KEY ("mentor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentor_pause_appeals" ADD CONSTRAINT "FK_bc0a99141ac75f8dea1dec4c6b4" FOREIGN KEY ("pause_id") REFERENCES "mentor_request_pauses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`CREATE INDEX "mentorship_requests_reminder_due_idx" ON "mentorship_requests" ("created_at") WHERE "status" = 'PENDING' AND "reminded_at" IS NULL`);
    await runner.query(`CREATE INDEX "mentor_pause_appeals_open_idx" ON "mentor_pause_appeals" ("created_at", "id") WHERE "decided_at" IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."mentor_pause_appeals_open_idx"`);
    await runner.query(`DROP INDEX "public"."mentorship_requests_reminder_due_idx"`);
    await runner.query(`ALTER TABLE "mentor_pause_appeals" DROP CONSTRAINT "FK_bc0a99141ac75f8dea1dec4c6b4"`);
    await runner.query(`ALTER TABLE "mentor_request_pauses" DROP CONSTRAINT "FK_4b2e47100512625c82a898b27a9"`);
    await runner.query(`ALTER TABLE "mentorship_conduct_incidents" DROP CONSTRAINT "FK_b905aedf01a56c520e963916553"`);
    await runner.query(`ALTER TABLE "mentorship_conduct_incidents" DROP CONSTRAINT "FK_a20391c853bb80b7b4d568def74"`);
    await runner.query(`ALTER TABLE "mentorship_check_ins" DROP CONSTRAINT "FK_6e29d83ceee81a557afad39c694"`);
    await runner.query(`ALTER TABLE "mentorship_check_ins" DROP CONSTRAINT "FK_dbf2dc293d18b23a77f16be4cf1"`);
    await runner.query(`ALTER TABLE "mentorship_reviews" DROP CONSTRAINT "mentorship_reviews_met_expectations_check"`);
    await runner.query(`DROP INDEX "public"."mentorship_requests_mentor_responded_idx"`);
    await runner.query(`ALTER TABLE "mentorship_reviews" DROP COLUMN "met_expectations"`);
    await runner.query(`ALTER TABLE "mentorship_requests" DROP COLUMN "reminded_at"`);
    await runner.query(`ALTER TABLE "mentorship_requests" DROP COLUMN "end_reason"`);
    await runner.query(`DROP INDEX "public"."mentor_pause_appeals_pause_idx"`);
    await runner.query(`DROP TABLE "mentor_pause_appeals"`);
    await runner.query(`DROP INDEX "public"."mentor_request_pauses_mentor_idx"`);
    await runner.query(`DROP TABLE "mentor_request_pauses"`);
    await runner.query(`DROP INDEX "public"."mentorship_conduct_incidents_session_idx"`);
    await runner.query(`DROP INDEX "public"."mentorship_conduct_incidents_user_idx"`);
    await runner.query(`DROP INDEX "public"."mentorship_conduct_incidents_request_idx"`);
    await runner.query(`DROP TABLE "mentorship_conduct_incidents"`);
    await runner.query(`DROP INDEX "public"."mentorship_check_ins_one_idx"`);
    await runner.query(`DROP INDEX "public"."mentorship_check_ins_user_idx"`);
    await runner.query(`DROP TABLE "mentorship_check_ins"`);
  }
}
