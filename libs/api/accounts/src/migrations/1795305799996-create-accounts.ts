import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1795305799996 implements MigrationInterface {
  name = 'CreateAccounts1795305799996';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TYPE "public"."user_role" AS ENUM('MEMBER', 'MENTOR', 'MODERATOR', 'ADMIN')`);
    await runner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "handle" character varying(24) NOT NULL, "email" character varying(254), "display_name" character varying(60) NOT NULL, "password_hash" character varying(255), "role" "public"."user_role" NOT NULL DEFAULT 'MEMBER', "reputation" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6a7e5f591436179c411f5308a9e" UNIQUE ("handle"), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id") `);
    await runner.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id") `);
    await runner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await runner.query(`DROP INDEX "public"."refresh_tokens_user_idx"`);
    await runner.query(`DROP INDEX "public"."refresh_tokens_family_idx"`);
    await runner.query(`DROP TABLE "refresh_tokens"`);
    await runner.query(`DROP TABLE "users"`);
    await runner.query(`DROP TYPE "public"."user_role"`);
  }
}
