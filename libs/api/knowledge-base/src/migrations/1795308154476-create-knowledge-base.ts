import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKnowledgeBase1795308154476 implements MigrationInterface {
  name = 'CreateKnowledgeBase1795308154476';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "kb_topics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" character varying(80) NOT NULL, "description" character varying(500), "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ae44efa2813dae0535b881fa7c" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "kb_topics_order_idx" ON "kb_topics"  ("position", "name") `);
    await runner.query(`CREATE UNIQUE INDEX "kb_topics_slug_key" ON "kb_topics"  ("slug") `);
    await runner.query(`CREATE TYPE "public"."kb_article_status" AS ENUM('DRAFT', 'PUBLISHED')`);
    await runner.query(`CREATE TABLE "kb_articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "slug" character varying(80) NOT NULL, "title" character varying(150) NOT NULL, "summary" character varying(300), "body" text NOT NULL, "tags" character varying(25) array NOT NULL DEFAULT '{}', "position" integer NOT NULL DEFAULT '0', "author_id" uuid NOT NULL, "status" "public"."kb_article_status" NOT NULL DEFAULT 'DRAFT', "published_at" TIMESTAMP(3) WITH TIME ZONE, "source_question_id" uuid, "source_asker_id" uuid, "source_answerer_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "search_vector" tsvector, CONSTRAINT "PK_ffb01b096d72350aa97d1d0cb14" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "kb_articles_author_idx" ON "kb_articles"  ("author_id") `);
    await runner.query(`CREATE INDEX "kb_articles_source_question_idx" ON "kb_articles"  ("source_question_id") WHERE "source_question_id" IS NOT NULL`);
    await runner.query(`CREATE INDEX "kb_articles_topic_order_idx" ON "kb_articles"  ("topic_id", "position", "created_at", "id") `);
    await runner.query(`CREATE UNIQUE INDEX "kb_articles_slug_key" ON "kb_articles"  ("slug") `);
    await runner.query(`CREATE TABLE "kb_article_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "editor_id" uuid NOT NULL, "title" character varying(150) NOT NULL, "summary" character varying(300), "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d9d244661742d7414ceebc0825" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "kb_article_revisions_article_idx" ON "kb_article_revisions"  ("article_id", "created_at", "id") `);
    await runner.query(`CREATE TYPE "public"."kb_feedback_status" AS ENUM('NEW', 'DONE')`);
    await runner.query(`CREATE TABLE "kb_article_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "user_id" uuid, "message" character varying(2000) NOT NULL, "status" "public"."kb_feedback_status" NOT NULL DEFAULT 'NEW', "done_at" TIMESTAMP(3) WITH TIME ZONE, "done_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3b1ee55b9eacd7b26ba79e57d65" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "kb_article_feedback_status_idx" ON "kb_article_feedback"  ("status", "created_at", "id") `);
    await runner.query(`CREATE INDEX "kb_article_feedback_article_idx" ON "kb_article_feedback"  ("article_id", "created_at", "id") `);
    await runner.query(`CREATE TABLE "kb_article_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "user_id" uuid, "guest_key" character varying(64), "stars" smallint NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_article_ratings_rater_check" CHECK (("user_id" IS NULL) <> ("guest_key" IS NULL)), CONSTRAINT "kb_article_ratings_stars_check" CHECK ("stars" BETWEEN 1 AND 5), CONSTRAINT "PK_f5a6872c5edaf6d3df1abae8958" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "kb_article_ratings_stars_idx" ON "kb_article_ratings"  ("article_id", "stars") `);
    await runner.query(`CREATE UNIQUE INDEX "kb_article_ratings_guest_key" ON "kb_article_ratings"  ("article_id", "guest_key") WHERE "guest_key" IS NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX "kb_article_ratings_user_key" ON "kb_article_ratings"  ("article_id", "user_id") WHERE "user_id" IS NOT NULL`);
    await runner.query(`CREATE TABLE "kb_settings" ("id" smallint NOT NULL DEFAULT '1', "mentors_may_write" boolean NOT NULL DEFAULT false, "updated_by_id" uuid, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_settings_single_row_check" CHECK ("id" = 1), CONSTRAINT "PK_e753b05989f23ccaa58d657081f" PRIMARY KEY ("id"))`);
    await runner.query(`ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_f2f1c2306dc61c9737dcdadb0a2" FOREIGN KEY ("topic_id") REFERENCES "kb_topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_6efbd43677d17a820710ce921d2" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "FK_7c600e538ae2581e8d97fab2a7d" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "FK_5568b24361b69451644772ae068" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_feedback" ADD CONSTRAINT "FK_4ad671b806f4fb17cf1776f799c" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_feedback" ADD CONSTRAINT "FK_a9d488ffc131dea006ccefb90e0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_ratings" ADD CONSTRAINT "FK_93a863da5f8940c9a879f5cc670" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "kb_article_ratings" ADD CONSTRAINT "FK_edfc80704b568706f8fc27ab0e3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "kb_article_ratings" DROP CONSTRAINT "FK_edfc80704b568706f8fc27ab0e3"`);
    await runner.query(`ALTER TABLE "kb_article_ratings" DROP CONSTRAINT "FK_93a863da5f8940c9a879f5cc670"`);
    await runner.query(`ALTER TABLE "kb_article_feedback" DROP CONSTRAINT "FK_a9d488ffc131dea006ccefb90e0"`);
    await runner.query(`ALTER TABLE "kb_article_feedback" DROP CONSTRAINT "FK_4ad671b806f4fb17cf1776f799c"`);
    await runner.query(`ALTER TABLE "kb_article_revisions" DROP CONSTRAINT "FK_5568b24361b69451644772ae068"`);
    await runner.query(`ALTER TABLE "kb_article_revisions" DROP CONSTRAINT "FK_7c600e538ae2581e8d97fab2a7d"`);
    await runner.query(`ALTER TABLE "kb_articles" DROP CONSTRAINT "FK_6efbd43677d17a820710ce921d2"`);
    await runner.query(`ALTER TABLE "kb_articles" DROP CONSTRAINT "FK_f2f1c2306dc61c9737dcdadb0a2"`);
    await runner.query(`DROP TABLE "kb_settings"`);
    await runner.query(`DROP INDEX "public"."kb_article_ratings_user_key"`);
    await runner.query(`DROP INDEX "public"."kb_article_ratings_guest_key"`);
    await runner.query(`DROP INDEX "public"."kb_article_ratings_stars_idx"`);
    await runner.query(`DROP TABLE "kb_article_ratings"`);
    await runner.query(`DROP INDEX "public"."kb_article_feedback_article_idx"`);
    await runner.query(`DROP INDEX "public"."kb_article_feedback_status_idx"`);
    await runner.query(`DROP TABLE "kb_article_feedback"`);
    await runner.query(`DROP TYPE "public"."kb_feedback_status"`);
    await runner.query(`DROP INDEX "public"."kb_article_revisions_article_idx"`);
    await runner.query(`DROP TABLE "kb_article_revisions"`);
    await runner.query(`DROP INDEX "public"."kb_articles_slug_key"`);
    await runner.query(`DROP INDEX "public"."kb_articles_topic_order_idx"`);
    await runner.query(`DROP INDEX "public"."kb_articles_source_question_idx"`);
    await runner.query(`DROP INDEX "public"."kb_articles_author_idx"`);
    await runner.query(`DROP TABLE "kb_articles"`);
    await runner.query(`DROP TYPE "public"."kb_article_status"`);
    await runner.query(`DROP INDEX "public"."kb_topics_slug_key"`);
    await runner.query(`DROP INDEX "public"."kb_topics_order_idx"`);
    await runner.query(`DROP TABLE "kb_topics"`);
  }
}
