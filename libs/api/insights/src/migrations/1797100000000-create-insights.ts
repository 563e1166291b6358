import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insights' rollups (questions' answer times, posts per day and tag), its event marks and the anonymous search log. */
export class CreateInsights1797100000000 implements MigrationInterface {
  name = 'CreateInsights1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TYPE "public"."insights_search_scope" AS ENUM('QUESTIONS', 'HELP')`);
    await runner.query(`CREATE TABLE "insights_searches" ("id" BIGSERIAL NOT NULL, "scope" "public"."insights_search_scope" NOT NULL, "query" character varying(200) NOT NULL, "results" integer NOT NULL, "searched_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fbf04fc5a6d32928a8d79851c8" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "insights_searches_at_idx" ON "insights_searches"  ("searched_at") `);
    await runner.query(`CREATE TABLE "insights_applied_events" ("event_id" bigint NOT NULL, "applied_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_89b5777b702b244e92a1c4e195c" PRIMARY KEY ("event_id"))`);
    await runner.query(`CREATE TABLE "insights_daily" ("day" date NOT NULL, "tag" character varying(64) NOT NULL, "questions" integer NOT NULL DEFAULT '0', "answers" integer NOT NULL DEFAULT '0', "comments" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_68c65fab632e8d068cff3c14dd0" PRIMARY KEY ("day", "tag"))`);
    await runner.query(`CREATE TABLE "insights_questions" ("question_id" uuid NOT NULL, "asked_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "first_answer_at" TIMESTAMP(3) WITH TIME ZONE, "accepted_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_15d189bb0963f9a268e04f931cf" PRIMARY KEY ("question_id"))`);
    await runner.query(`CREATE INDEX "insights_questions_asked_idx" ON "insights_questions"  ("asked_at") `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."insights_questions_asked_idx"`);
    await runner.query(`DROP TABLE "insights_questions"`);
    await runner.query(`DROP TABLE "insights_daily"`);
    await runner.query(`DROP TABLE "insights_applied_events"`);
    await runner.query(`DROP INDEX "public"."insights_searches_at_idx"`);
    await runner.query(`DROP TABLE "insights_searches"`);
    await runner.query(`DROP TYPE "public"."insights_search_scope"`);
  }
}
