import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reputation over time reads a user's ledger by day (issue 17). */
export class ReputationHistoryIndex1797100000200 implements MigrationInterface {
  name = 'ReputationHistoryIndex1797100000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "reputation_events_user_time_idx" ON "reputation_events"  ("user_id", "created_at") `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."reputation_events_user_time_idx"`);
  }
}
