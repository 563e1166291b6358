import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentoring1795307497503 implements MigrationInterface {
  name = 'CreateMentoring1795307497503';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "mentor_profiles" ("user_id" uuid NOT NULL, "headline" character varying(120) NOT NULL, "bio" text NOT NULL DEFAULT '', "years_experience" integer NOT NULL, "industries" character varying(60) array NOT NULL DEFAULT '{}', "certifications" character varying(60) array NOT NULL DEFAULT '{}', "expertise" character varying(25) array NOT NULL, "links" character varying(300) array NOT NULL DEFAULT '{}', "accepting_requests" boolean NOT NULL DEFAULT true, "max_open_requests" integer NOT NULL DEFAULT '5', "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fa86c14c3a0de91f7253a180bb" PRIMARY KEY ("user_id"))`);
    await runner.query(`CREATE TYPE "public"."mentorship_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'COMPLETED', 'CANCELLED')`);
    await runner.query(`CREATE TABLE "mentorship_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentee_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "message" character varying(2000) NOT NULL, "question_id" uuid, "status" "public"."mentorship_status" NOT NULL DEFAULT 'PENDING', "response_message" character varying(2000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP(3) WITH TIME ZONE, "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_a82e6b21a9a92841bd754e6d797" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "mentorship_requests_mentee_idx" ON "mentorship_requests"  ("mentee_id", "created_at", "id") `);
    await runner.query(`CREATE INDEX "mentorship_requests_mentor_idx" ON "mentorship_requests"  ("mentor_id", "created_at", "id") `);
    await runner.query(`CREATE TABLE "mentorship_reviews" ("request_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "mentee_id" uuid NOT NULL, "rating" smallint NOT NULL, "body" character varying(1000), "reply" character varying(1000), "replied_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentorship_reviews_rating_check" CHECK ("rating" BETWEEN 1 AND 5), CONSTRAINT "PK_b2d15303511c870342b396109ce" PRIMARY KEY ("request_id"))`);
    await runner.query(`CREATE INDEX "mentorship_reviews_mentor_idx" ON "mentorship_reviews"  ("mentor_id", "created_at", "request_id") `);
    await runner.query(`ALTER TABLE "mentor_profiles" ADD CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_requests" ADD CONSTRAINT "FK_a866a605a7dd505e55465553e5e" FOREIGN KEY ("mentee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_requests" ADD CONSTRAINT "FK_95272f870631d18f9bae8aede76" FOREIGN KEY ("mentor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "mentorship_reviews" ADD CONSTRAINT "FK_b2d15303511c870342b396109ce" FOREIGN KEY ("request_id") REFERENCES "mentorship_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "mentorship_reviews" DROP CONSTRAINT "FK_b2d15303511c870342b396109ce"`);
    await runner.query(`ALTER TABLE "mentorship_requests" DROP CONSTRAINT "FK_95272f870631d18f9bae8aede76"`);
    await runner.query(`ALTER TABLE "mentorship_requests" DROP CONSTRAINT "FK_a866a605a7dd505e55465553e5e"`);
    await runner.query(`ALTER TABLE "mentor_profiles" DROP CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb"`);
    await runner.query(`DROP INDEX "public"."mentorship_reviews_mentor_idx"`);
    await runner.query(`DROP TABLE "mentorship_reviews"`);
    await runner.query(`DROP INDEX "public"."mentorship_requests_mentor_idx"`);
    await runner.query(`DROP INDEX "public"."mentorship_requests_mentee_idx"`);
    await runner.query(`DROP TABLE "mentorship_requests"`);
    await runner.query(`DROP TYPE "public"."mentorship_status"`);
    await runner.query(`DROP TABLE "mentor_profiles"`);
  }
}
