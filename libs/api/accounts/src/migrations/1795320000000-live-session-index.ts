import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-request principal lookup asks whether a session family is still alive: one index probe. */
export class LiveSessionIndex1795320000000 implements MigrationInterface {
  name = 'LiveSessionIndex1795320000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "refresh_tokens_live_family_idx" ON "refresh_tokens" ("family_id", "expires_at") WHERE "revoked_at" IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."refresh_tokens_live_family_idx"`);
  }
}
