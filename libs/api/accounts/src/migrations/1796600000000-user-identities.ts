import type { MigrationInterface, QueryRunner } from 'typeorm';

/** OpenID Connect sign-ins linked to accounts (issue 15). */
export class UserIdentities1796600000000 implements MigrationInterface {
  name = 'UserIdentities1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "user_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "provider" character varying(32) NOT NULL, "subject" character varying(255) NOT NULL, "email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "user_identities_provider_subject_key" UNIQUE ("provider", "subject"), CONSTRAINT "user_identities_pkey" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "user_identities_user_idx" ON "user_identities" ("user_id") `);
    await runner.query(`ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_identities" DROP CONSTRAINT "user_identities_user_fkey"`);
    await runner.query(`DROP INDEX "public"."user_identities_user_idx"`);
    await runner.query(`DROP TABLE "user_identities"`);
  }
}
