import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Small text attachments of an email (e.g. a session's .ics invite), kept with the message so a retry sends the same. */
export class MailAttachments1797000000002 implements MigrationInterface {
  name = 'MailAttachments1797000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "mail_messages" ADD COLUMN "attachments" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "mail_messages" DROP COLUMN "attachments"`);
  }
}
