import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard at scale (issue 17): answered and accepted counts per asked day and tag (counts and
 * unanswered rates add up days), a sample bucket per question for long periods' medians, and a GIN
 * index on tags. Existing rows are filled from insights' own rollups.
 */
export class DailyAnsweredSample1797100000500 implements MigrationInterface {
  name = 'DailyAnsweredSample1797100000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "insights_daily" ADD "answered" integer NOT NULL DEFAULT '0'`);
    await runner.query(`ALTER TABLE "insights_daily" ADD "accepted" integer NOT NULL DEFAULT '0'`);
    await runner.query(`ALTER TABLE "insights_questions" ADD "sample" smallint NOT NULL DEFAULT '0'`);
    await runner.query(`UPDATE "insights_questions" SET "sample" = get_byte(uuid_send(question_id), 15) & 63`);
    await runner.query(`CREATE INDEX "insights_questions_sample_idx" ON "insights_questions"  ("sample", "asked_at") `);
    await runner.query(`CREATE INDEX "insights_questions_tags_idx" ON "insights_questions" USING gin ("tags")`);
    await runner.query(
      `UPDATE insights_daily d SET answered = x.answered, accepted = x.accepted
       FROM (SELECT (q.asked_at AT TIME ZONE 'UTC')::date AS day, t.tag, count(q.first_answer_at)::int AS answered, count(q.accepted_at)::int AS accepted
             FROM insights_questions q CROSS JOIN LATERAL (SELECT '' AS tag UNION SELECT DISTINCT unnest(q.tags)) t GROUP BY 1, 2) x
       WHERE d.day = x.day AND d.tag = x.tag`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."insights_questions_tags_idx"`);
    await runner.query(`DROP INDEX "public"."insights_questions_sample_idx"`);
    await runner.query(`ALTER TABLE "insights_questions" DROP COLUMN "sample"`);
    await runner.query(`ALTER TABLE "insights_daily" DROP COLUMN "accepted"`);
    await runner.query(`ALTER TABLE "insights_daily" DROP COLUMN "answered"`);
  }
}
