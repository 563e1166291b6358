import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Suspensions, per-member moderation state (SPAM mark), the audit log, flags and flagged posts. */
export class CreateModeration1795307287490 implements MigrationInterface {
  name = 'CreateModeration1795307287490';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TYPE "public"."moderation_action" AS ENUM('SUSPEND', 'LIFT_SUSPENSION', 'APPROVE_COMMENT', 'REJECT_COMMENT', 'SPAM_COMMENT', 'CLOSE_QUESTION', 'REOPEN_QUESTION', 'DISMISS_FLAGS', 'HIDE_FLAGGED')`);
    await runner.query(`CREATE TYPE "public"."moderation_target" AS ENUM('USER', 'QUESTION', 'ANSWER', 'COMMENT')`);
    await runner.query(`CREATE TABLE "moderation_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid NOT NULL, "action" "public"."moderation_action" NOT NULL, "target_type" "public"."moderation_target" NOT NULL, "target_id" uuid NOT NULL, "reason" character varying(500), "details" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0adca6ecfd068db83e4526cc26" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "moderation_log_action_idx" ON "moderation_log"  ("action", "created_at", "id") `);
    await runner.query(`CREATE INDEX "moderation_log_target_idx" ON "moderation_log"  ("target_id", "created_at", "id") `);
    await runner.query(`CREATE INDEX "moderation_log_actor_idx" ON "moderation_log"  ("actor_id", "created_at", "id") `);
    await runner.query(`CREATE INDEX "moderation_log_created_idx" ON "moderation_log"  ("created_at", "id") `);
    await runner.query(`CREATE TABLE "suspensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "suspended_by" uuid NOT NULL, "reason" character varying(500) NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE, "lifted_at" TIMESTAMP(3) WITH TIME ZONE, "lifted_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3df8984cf2c9a5726c11644474" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "suspensions_user_open_idx" ON "suspensions"  ("user_id") WHERE "lifted_at" IS NULL`);
    await runner.query(`CREATE TYPE "public"."flag_post_type" AS ENUM('QUESTION', 'ANSWER', 'COMMENT')`);
    await runner.query(`CREATE TYPE "public"."flag_reason" AS ENUM('SPAM', 'RUDE', 'OFF_TOPIC', 'NEEDS_IMPROVEMENT', 'OTHER')`);
    await runner.query(`CREATE TABLE "flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_type" "public"."flag_post_type" NOT NULL, "post_id" uuid NOT NULL, "flagger_id" uuid NOT NULL, "reason" "public"."flag_reason" NOT NULL, "text" character varying(500), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ea7e333c92a55de9e9b8d0b9afd" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "flags_post_open_idx" ON "flags"  ("post_id", "created_at") WHERE "resolved_at" IS NULL`);
    await runner.query(`CREATE UNIQUE INDEX "flags_post_flagger_key" ON "flags"  ("post_id", "flagger_id") `);
    await runner.query(`CREATE TABLE "flagged_posts" ("post_id" uuid NOT NULL, "post_type" "public"."flag_post_type" NOT NULL, "open_flags" integer NOT NULL DEFAULT '0', "first_flagged_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "hidden_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_3b7571fdcd4c85db284bc24b36d" PRIMARY KEY ("post_id"))`);
    await runner.query(`CREATE INDEX "flagged_posts_queue_idx" ON "flagged_posts"  ("first_flagged_at", "post_id") WHERE "open_flags" > 0`);
    await runner.query(`CREATE TABLE "member_moderation" ("user_id" uuid NOT NULL, "spam_marked_at" TIMESTAMP(3) WITH TIME ZONE, "spam_marked_by" uuid, CONSTRAINT "PK_fe60d91c9f8780f61e1d424fa4d" PRIMARY KEY ("user_id"))`);
    await runner.query(`ALTER TABLE "moderation_log" ADD CONSTRAINT "FK_0a29c8837f16c8071f0a5b4a907" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "suspensions" ADD CONSTRAINT "FK_36215c5979c97e95daa61224bb5" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "suspensions" ADD CONSTRAINT "FK_b69e03d55fa37691ef35f3f1c3f" FOREIGN KEY ("suspended_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "suspensions" ADD CONSTRAINT "FK_b1af30746e09baed00ad99caa31" FOREIGN KEY ("lifted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "flags" ADD CONSTRAINT "FK_de975295f26e5588844615b0ca7" FOREIGN KEY ("flagger_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "member_moderation" ADD CONSTRAINT "FK_fe60d91c9f8780f61e1d424fa4d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await runner.query(`ALTER TABLE "member_moderation" ADD CONSTRAINT "FK_86043cdf4ea1b860399042f78a7" FOREIGN KEY ("spam_marked_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "member_moderation" DROP CONSTRAINT "FK_86043cdf4ea1b860399042f78a7"`);
    await runner.query(`ALTER TABLE "member_moderation" DROP CONSTRAINT "FK_fe60d91c9f8780f61e1d424fa4d"`);
    await runner.query(`ALTER TABLE "flags" DROP CONSTRAINT "FK_de975295f26e5588844615b0ca7"`);
    await runner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_b1af30746e09baed00ad99caa31"`);
    await runner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_b69e03d55fa37691ef35f3f1c3f"`);
    await runner.query(`ALTER TABLE "suspensions" DROP CONSTRAINT "FK_36215c5979c97e95daa61224bb5"`);
    await runner.query(`ALTER TABLE "moderation_log" DROP CONSTRAINT "FK_0a29c8837f16c8071f0a5b4a907"`);
    await runner.query(`DROP TABLE "member_moderation"`);
    await runner.query(`DROP INDEX "public"."flagged_posts_queue_idx"`);
    await runner.query(`DROP TABLE "flagged_posts"`);
    await runner.query(`DROP INDEX "public"."flags_post_flagger_key"`);
    await runner.query(`DROP INDEX "public"."flags_post_open_idx"`);
    await runner.query(`DROP TABLE "flags"`);
    await runner.query(`DROP TYPE "public"."flag_post_type"`);
    await runner.query(`DROP TYPE "public"."flag_reason"`);
    await runner.query(`DROP INDEX "public"."suspensions_user_open_idx"`);
    await runner.query(`DROP TABLE "suspensions"`);
    await runner.query(`DROP INDEX "public"."moderation_log_created_idx"`);
    await runner.query(`DROP INDEX "public"."moderation_log_actor_idx"`);
    await runner.query(`DROP INDEX "public"."moderation_log_target_idx"`);
    await runner.query(`DROP INDEX "public"."moderation_log_action_idx"`);
    await runner.query(`DROP TABLE "moderation_log"`);
    await runner.query(`DROP TYPE "public"."moderation_target"`);
    await runner.query(`DROP TYPE "public"."moderation_action"`);
  }
}
