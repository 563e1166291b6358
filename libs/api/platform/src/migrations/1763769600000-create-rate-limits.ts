import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared counters of rate-limiter-flexible's PostgreSQL store (its own table layout). */
export class CreateRateLimits1763769600000 implements MigrationInterface {
  name = 'CreateRateLimits1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "rate_limits"`);
  }
}
