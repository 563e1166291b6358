import type { MigrationInterface, QueryRunner } from 'typeorm';

/** (user_id, created_at) serves every lookup by user that (user_id) did: one index to keep up on each vote, not two. */
export class DropReputationUserIndex1797100000300 implements MigrationInterface {
  name = 'DropReputationUserIndex1797100000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."reputation_events_user_idx"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "reputation_events_user_idx" ON "reputation_events"  ("user_id") `);
  }
}
