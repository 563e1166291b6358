import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written. Mentoring no longer defines views on qa's tables: it reads qa's exported read models
 * (qa_answer_stats, qa_accepted_by_tag, qa_first_answers, created by qa's migration
 * QaReadModels1796710000000). Down re-creates the old views exactly as 1795307497504 did: the true
 * inverse, which reverts in either order with qa's migration (views over qa's read models would
 * block reverting qa's).
 */
export class DropMentoringQaViews1796710000001 implements MigrationInterface {
  name = 'DropMentoringQaViews1796710000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP VIEW "mentoring_first_answers"`);
    await runner.query(`DROP VIEW "mentoring_accepted_by_tag"`);
    await runner.query(`DROP VIEW "mentoring_answer_stats"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE VIEW "mentoring_answer_stats" AS
      SELECT a.author_id AS user_id, count(*)::int AS answer_count, (count(*) FILTER (WHERE a.is_accepted))::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id`);
    await runner.query(`
      CREATE VIEW "mentoring_accepted_by_tag" AS
      SELECT a.author_id AS user_id, t.tag::varchar(25) AS tag, count(*)::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id CROSS JOIN LATERAL unnest(q.tags) AS t(tag)
      WHERE a.is_accepted AND a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, t.tag`);
    await runner.query(`
      CREATE VIEW "mentoring_first_answers" AS
      SELECT a.author_id AS user_id, q.id AS question_id, q.tags, extract(epoch FROM min(a.created_at) - q.created_at)::float8 AS seconds
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, q.id`);
  }
}
