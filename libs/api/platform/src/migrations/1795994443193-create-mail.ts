import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mail sent-log (one row per email, unique by idempotency key) and refused addresses. */
export class CreateMail1795994443193 implements MigrationInterface {
  name = 'CreateMail1795994443193';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "mail_messages" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "idempotency_key" varchar(200) NOT NULL,
      "recipient" varchar(320) NOT NULL,
      "subject" varchar(300) NOT NULL,
      "category" varchar(20) NOT NULL CHECK ("category" IN ('critical', 'notification', 'digest')),
      "status" varchar(20) NOT NULL DEFAULT 'queued' CHECK ("status" IN ('queued', 'sending', 'sent', 'kept', 'failed', 'suppressed', 'capped')),
      "text_body" text NOT NULL,
      "html_body" text NOT NULL,
      "headers" jsonb NOT NULL DEFAULT '{}',
      "message_id" varchar(300) NOT NULL,
      "attempts" int NOT NULL DEFAULT 0,
      "last_error" text,
      "claimed_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      CONSTRAINT "mail_messages_idempotency_key" UNIQUE ("idempotency_key")
    )`);
    // The daily cap counts a recipient's recent messages; the backlog reads the unfinished ones.
    await runner.query(`CREATE INDEX "mail_messages_recipient_time" ON "mail_messages" (lower("recipient"), "created_at")`);
    await runner.query(`CREATE INDEX "mail_messages_unfinished" ON "mail_messages" ("created_at") WHERE "status" IN ('queued', 'sending')`);
    await runner.query(`CREATE INDEX "mail_messages_time" ON "mail_messages" ("created_at" DESC, "id" DESC)`);
    await runner.query(`CREATE TABLE "mail_suppressions" (
      "address" varchar(320) PRIMARY KEY,
      "reason" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "mail_suppressions"`);
    await runner.query(`DROP TABLE "mail_messages"`);
  }
}
