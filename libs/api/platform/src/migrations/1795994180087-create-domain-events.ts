import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event log of the transactional outbox: one row per thing that happened, in commit order. */
export class CreateDomainEvents1795994180087 implements MigrationInterface {
  name = 'CreateDomainEvents1795994180087';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "domain_events" (
      "id" bigserial PRIMARY KEY,
      "type" varchar(80) NOT NULL,
      "actor_id" uuid,
      "payload" jsonb NOT NULL,
      "occurred_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX "domain_events_type_time" ON "domain_events" ("type", "occurred_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "domain_events"`);
  }
}
