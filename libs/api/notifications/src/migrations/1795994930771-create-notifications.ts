import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follows, notifications (with receipts that make delivery once-only) and per-type settings. */

export class CreateNotifications1795994930771 implements MigrationInterface {
  name = 'CreateNotifications1795994930771';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TYPE "public"."follow_target_type" AS ENUM('TAG', 'QUESTION', 'MENTOR')`);
    await runner.query(`CREATE TYPE "public"."follow_level" AS ENUM('WATCHING', 'TRACKING', 'WATCHING_FIRST_POST', 'NORMAL', 'MUTED')`);
    await runner.query(`CREATE TABLE "follows" ("user_id" uuid NOT NULL, "target_type" "public"."follow_target_type" NOT NULL, "target_key" character varying(36) NOT NULL, "level" "public"."follow_level" NOT NULL, "auto" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f69804d3f7ba1bea5f2c0b54e38" PRIMARY KEY ("user_id", "target_type", "target_key"))`);
    await runner.query(`CREATE INDEX "follows_user_idx" ON "follows"  ("user_id", "target_type", "created_at") `);
    await runner.query(`CREATE INDEX "follows_target_idx" ON "follows"  ("target_type", "target_key", "level") `);
    await runner.query(`CREATE TABLE "notification_receipts" ("source_key" character varying(80) NOT NULL, "recipient_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e5b263975ab48fd503bbd3a6286" PRIMARY KEY ("source_key", "recipient_id"))`);
    await runner.query(`CREATE TYPE "public"."notification_type" AS ENUM('ANSWER_POSTED', 'COMMENT_POSTED', 'ANSWER_ACCEPTED', 'MENTION', 'MENTORSHIP_REQUESTED', 'MENTORSHIP_ANSWERED', 'MENTORSHIP_EXPIRING', 'MENTORSHIP_REVIEWED', 'MODERATION_DECISION', 'FOLLOWED_TAG_QUESTION', 'FOLLOWED_QUESTION_ANSWER', 'MATCHED_QUESTION')`);
    await runner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "type" "public"."notification_type" NOT NULL, "question_id" uuid, "answer_id" uuid, "comment_id" uuid, "mentorship_id" uuid, "actor_ids" uuid array NOT NULL DEFAULT '{}', "actor_names" character varying array NOT NULL DEFAULT '{}', "group_key" character varying(80), "group_count" integer NOT NULL DEFAULT '1', "text" character varying(500) NOT NULL, "url" character varying(300) NOT NULL, "source_key" character varying(80) NOT NULL, "read_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications"  ("recipient_id", "created_at", "id") `);
    await runner.query(`CREATE UNIQUE INDEX "notifications_source_recipient_key" ON "notifications"  ("source_key", "recipient_id") `);
    await runner.query(`CREATE TYPE "public"."email_frequency" AS ENUM('INSTANT', 'DAILY', 'WEEKLY', 'OFF')`);
    await runner.query(`CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "type" "public"."notification_type" NOT NULL, "in_app" boolean NOT NULL, "email" "public"."email_frequency" NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff98348bd5a8e07a7f3243a969c" PRIMARY KEY ("user_id", "type"))`);
    await runner.query(`ALTER TABLE "follows" ADD CONSTRAINT "FK_941d172275662c2b9d8b9f4270c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_91a7ffebe8b406c4470845d4781" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written (not expressible on the entities): the unread count's partial index, the one
    // unread group per recipient and key that grouped notifications merge into, and the grouped sentence.
    await runner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL`);
    await runner.query(`CREATE UNIQUE INDEX "notifications_group_idx" ON "notifications" ("recipient_id", "group_key") WHERE "read_at" IS NULL AND "group_key" IS NOT NULL`);
    await runner.query(`CREATE FUNCTION notification_group_text(names varchar[], events int, verb text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE cardinality(names)
        WHEN 0 THEN 'Someone ' || verb
        WHEN 1 THEN names[1] || ' ' || verb || CASE WHEN events > 1 THEN ' (' || events || ' times)' ELSE '' END
        WHEN 2 THEN names[1] || ' and ' || names[2] || ' ' || verb
        WHEN 3 THEN names[1] || ', ' || names[2] || ' and 1 other ' || verb
        ELSE names[1] || ', ' || names[2] || ' and ' || (cardinality(names) - 2) || ' others ' || verb END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION notification_group_text(varchar[], int, text)`);
    await runner.query(`DROP INDEX "public"."notifications_group_idx"`);
    await runner.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await runner.query(`ALTER TABLE "notification_settings" DROP CONSTRAINT "FK_91a7ffebe8b406c4470845d4781"`);
    await runner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"`);
    await runner.query(`ALTER TABLE "follows" DROP CONSTRAINT "FK_941d172275662c2b9d8b9f4270c"`);
    await runner.query(`DROP TABLE "notification_settings"`);
    await runner.query(`DROP TYPE "public"."email_frequency"`);
    await runner.query(`DROP INDEX "public"."notifications_source_recipient_key"`);
    await runner.query(`DROP INDEX "public"."notifications_recipient_idx"`);
    await runner.query(`DROP TABLE "notifications"`);
    await runner.query(`DROP TYPE "public"."notification_type"`);
    await runner.query(`DROP TABLE "notification_receipts"`);
    await runner.query(`DROP INDEX "public"."follows_target_idx"`);
    await runner.query(`DROP INDEX "public"."follows_user_idx"`);
    await runner.query(`DROP TABLE "follows"`);
    await runner.query(`DROP TYPE "public"."follow_level"`);
    await runner.query(`DROP TYPE "public"."follow_target_type"`);
  }
}
