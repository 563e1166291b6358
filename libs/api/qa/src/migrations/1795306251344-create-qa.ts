import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQa1795306251344 implements MigrationInterface {
  name = 'CreateQa1795306251344';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_id" uuid NOT NULL, "title" character varying(150) NOT NULL, "body" text NOT NULL, "tags" character varying(25) array NOT NULL, "score" integer NOT NULL DEFAULT '0', "answer_count" integer NOT NULL DEFAULT '0', "positive_answer_count" integer NOT NULL DEFAULT '0', "comment_count" integer NOT NULL DEFAULT '0', "view_count" integer NOT NULL DEFAULT '0', "accepted_answer_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" character varying(20), "duplicate_of_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "search_vector" tsvector, CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "questions_author_idx" ON "questions"  ("author_id") `);
    await runner.query(`CREATE TABLE "answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "score" integer NOT NULL DEFAULT '0', "is_accepted" boolean NOT NULL DEFAULT false, "comment_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9c32cec6c71e06da0254f2226c6" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "answers_author_idx" ON "answers"  ("author_id") `);
    await runner.query(`CREATE TYPE "public"."qa_post_type" AS ENUM('QUESTION', 'ANSWER')`);
    await runner.query(`CREATE TYPE "public"."comment_status" AS ENUM('PUBLISHED', 'PENDING', 'REJECTED', 'SPAM')`);
    await runner.query(`CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_type" "public"."qa_post_type" NOT NULL, "post_id" uuid NOT NULL, "question_id" uuid NOT NULL, "author_id" uuid, "guest_name" character varying(60), "guest_email" character varying(254), "body" character varying(600) NOT NULL, "status" "public"."comment_status" NOT NULL, "hold_reason" character varying(40), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "comments_status_created_idx" ON "comments"  ("status", "created_at") `);
    await runner.query(`CREATE INDEX "comments_author_status_idx" ON "comments"  ("author_id", "status") `);
    await runner.query(`CREATE TYPE "public"."reputation_kind" AS ENUM('QUESTION_UPVOTED', 'ANSWER_UPVOTED', 'POST_DOWNVOTED', 'ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER')`);
    await runner.query(`CREATE TABLE "reputation_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" "public"."reputation_kind" NOT NULL, "points" integer NOT NULL, "post_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_27bf0668993ad863b678979548a" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "reputation_events_user_idx" ON "reputation_events"  ("user_id") `);
    await runner.query(`CREATE UNIQUE INDEX "reputation_events_source_uq" ON "reputation_events"  ("kind", "post_id", "actor_id") `);
    await runner.query(`CREATE TABLE "revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_type" "public"."qa_post_type" NOT NULL, "post_id" uuid NOT NULL, "editor_id" uuid NOT NULL, "title" character varying(150), "body" text NOT NULL, "tags" character varying(25) array, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "revisions_post_idx" ON "revisions"  ("post_id", "created_at") `);
    await runner.query(`CREATE TABLE "tags" ("name" character varying(25) NOT NULL, "description" character varying(500), "question_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d90243459a697eadb8ad56e9092" PRIMARY KEY ("name"))`);
    await runner.query(`CREATE INDEX "tags_popular_idx" ON "tags"  ("question_count", "name") `);
    await runner.query(`CREATE TABLE "votes" ("user_id" uuid NOT NULL, "post_id" uuid NOT NULL, "post_type" "public"."qa_post_type" NOT NULL, "value" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15600df41b6039e5e222592eaef" PRIMARY KEY ("user_id", "post_id"))`);
    await runner.query(`CREATE INDEX "votes_post_idx" ON "votes"  ("post_id") `);
    await runner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "answers" ADD CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "answers" ADD CONSTRAINT "FK_3a1ad37b311f0f3bdda728e507f" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "comments" ADD CONSTRAINT "FK_8a7f0e1af904d87ccee32d4de32" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "comments" ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "reputation_events" ADD CONSTRAINT "FK_293465173241c39135fe3d9f4b2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "revisions" ADD CONSTRAINT "FK_64ef8b08e056532e2e9c8eb93b9" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "votes" ADD CONSTRAINT "FK_27be2cab62274f6876ad6a31641" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "votes" DROP CONSTRAINT "FK_27be2cab62274f6876ad6a31641"`);
    await runner.query(`ALTER TABLE "revisions" DROP CONSTRAINT "FK_64ef8b08e056532e2e9c8eb93b9"`);
    await runner.query(`ALTER TABLE "reputation_events" DROP CONSTRAINT "FK_293465173241c39135fe3d9f4b2"`);
    await runner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"`);
    await runner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_8a7f0e1af904d87ccee32d4de32"`);
    await runner.query(`ALTER TABLE "answers" DROP CONSTRAINT "FK_3a1ad37b311f0f3bdda728e507f"`);
    await runner.query(`ALTER TABLE "answers" DROP CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3"`);
    await runner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_dcaac7adf4b5af7bc980ec5250e"`);
    await runner.query(`DROP INDEX "public"."votes_post_idx"`);
    await runner.query(`DROP TABLE "votes"`);
    await runner.query(`DROP INDEX "public"."tags_popular_idx"`);
    await runner.query(`DROP TABLE "tags"`);
    await runner.query(`DROP INDEX "public"."revisions_post_idx"`);
    await runner.query(`DROP TABLE "revisions"`);
    await runner.query(`DROP INDEX "public"."reputation_events_source_uq"`);
    await runner.query(`DROP INDEX "public"."reputation_events_user_idx"`);
    await runner.query(`DROP TABLE "reputation_events"`);
    await runner.query(`DROP TYPE "public"."reputation_kind"`);
    await runner.query(`DROP INDEX "public"."comments_author_status_idx"`);
    await runner.query(`DROP INDEX "public"."comments_status_created_idx"`);
    await runner.query(`DROP TABLE "comments"`);
    await runner.query(`DROP TYPE "public"."comment_status"`);
    await runner.query(`DROP TYPE "public"."qa_post_type"`);
    await runner.query(`DROP INDEX "public"."answers_author_idx"`);
    await runner.query(`DROP TABLE "answers"`);
    await runner.query(`DROP INDEX "public"."questions_author_idx"`);
    await runner.query(`DROP TABLE "questions"`);
  }
}
