import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insights (issue 17, part 3): flags, new members, help-centre ratings, answers by tag, mentor reviews. */
export class FlagsMembersArticles1797100000300 implements MigrationInterface {
  name = 'FlagsMembersArticles1797100000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "insights_article_daily" ("day" date NOT NULL, "ratings" integer NOT NULL DEFAULT '0', "stars" integer NOT NULL DEFAULT '0', "helpful" integer NOT NULL DEFAULT '0', "feedback" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e046478a7ae77887dd2dc85a7b6" PRIMARY KEY ("day")); COMMENT ON COLUMN "insights_article_daily"."ratings" IS 'ratings given that day (a changed mind rates again)'; COMMENT ON COLUMN "insights_article_daily"."stars" IS 'sum of their stars'; COMMENT ON COLUMN "insights_article_daily"."helpful" IS 'of those, 4 or 5 stars'`);
    await runner.query(`CREATE TABLE "insights_flags" ("flag_id" uuid NOT NULL, "post_id" uuid NOT NULL, "reason" character varying(32), "flagged_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ce899fc8edbfe691320ab256d39" PRIMARY KEY ("flag_id")); COMMENT ON COLUMN "insights_flags"."reason" IS 'moderation''s flag reason; null while only the resolution was handled'`);
    await runner.query(`CREATE INDEX "insights_flags_flagged_idx" ON "insights_flags"  ("flagged_at") `);
    await runner.query(`CREATE TABLE "insights_members" ("user_id" uuid NOT NULL, "joined_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "returned_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_cfe6a489b35116eb37d88b8135c" PRIMARY KEY ("user_id")); COMMENT ON COLUMN "insights_members"."returned_at" IS 'first sign-in, renewal or post on a later UTC day within 7 days of joining'`);
    await runner.query(`CREATE INDEX "insights_members_joined_idx" ON "insights_members"  ("joined_at") `);
    await runner.query(`CREATE TABLE "insights_user_tags" ("user_id" uuid NOT NULL, "tag" character varying(64) NOT NULL, "answers" integer NOT NULL DEFAULT '0', "accepted" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a5f61f954925ccaa901b0319e43" PRIMARY KEY ("user_id", "tag")); COMMENT ON COLUMN "insights_user_tags"."accepted" IS 'of those, accepted now'`);
    await runner.query(`CREATE TABLE "insights_mentor_reviews" ("request_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "rating" smallint NOT NULL, "reviewed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0377202b0517c4514fd2a26fc69" PRIMARY KEY ("request_id"))`);
    await runner.query(`CREATE INDEX "insights_mentor_reviews_mentor_idx" ON "insights_mentor_reviews"  ("mentor_id", "reviewed_at") `);
    await runner.query(`ALTER TABLE "insights_questions" ADD "accepted_author_id" uuid`);
    await runner.query(`CREATE INDEX "insights_mentorships_mentor_idx" ON "insights_mentorships"  ("mentor_id", "requested_at") `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."insights_mentorships_mentor_idx"`);
    await runner.query(`ALTER TABLE "insights_questions" DROP COLUMN "accepted_author_id"`);
    await runner.query(`DROP INDEX "public"."insights_mentor_reviews_mentor_idx"`);
    await runner.query(`DROP TABLE "insights_mentor_reviews"`);
    await runner.query(`DROP TABLE "insights_user_tags"`);
    await runner.query(`DROP INDEX "public"."insights_members_joined_idx"`);
    await runner.query(`DROP TABLE "insights_members"`);
    await runner.query(`DROP INDEX "public"."insights_flags_flagged_idx"`);
    await runner.query(`DROP TABLE "insights_flags"`);
    await runner.query(`DROP TABLE "insights_article_daily"`);
  }
}
