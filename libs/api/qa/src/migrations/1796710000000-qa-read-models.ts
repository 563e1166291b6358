import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: read models qa exports to other contexts (mentoring's profile stats, directory and
 * matching), so that they join qa's views rather than its tables. The first three replace the views
 * mentoring defined on qa's tables (dropped by mentoring's next migration); live posts only.
 */
export class QaReadModels1796710000000 implements MigrationInterface {
  name = 'QaReadModels1796710000000';

  async up(runner: QueryRunner): Promise<void> {
    // Live answers per author: all, and accepted.
    await runner.query(`
      CREATE VIEW "qa_answer_stats" AS
      SELECT a.author_id AS user_id, count(*)::int AS answer_count, (count(*) FILTER (WHERE a.is_accepted))::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id`);
    // Accepted live answers per author and tag of the question.
    await runner.query(`
      CREATE VIEW "qa_accepted_by_tag" AS
      SELECT a.author_id AS user_id, t.tag::varchar(25) AS tag, count(*)::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id CROSS JOIN LATERAL unnest(q.tags) AS t(tag)
      WHERE a.is_accepted AND a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, t.tag`);
    // Per author and question they answered: the question's tags and seconds to their first answer.
    await runner.query(`
      CREATE VIEW "qa_first_answers" AS
      SELECT a.author_id AS user_id, q.id AS question_id, q.tags, extract(epoch FROM min(a.created_at) - q.created_at)::float8 AS seconds
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, q.id`);
    // Questions still looking for an answer: live, open, none accepted (the columns of QUESTION_COLUMNS).
    await runner.query(`
      CREATE VIEW "qa_open_questions" AS
      SELECT q.id, q.author_id, q.title, q.body, q.tags, q.score, q.answer_count, q.positive_answer_count, q.comment_count, q.view_count,
             q.accepted_answer_id, q.closed_at, q.close_reason, q.duplicate_of_id, q.created_at, q.updated_at, q.last_activity_at, q.deleted_at
      FROM questions q
      WHERE q.deleted_at IS NULL AND q.closed_at IS NULL AND q.accepted_answer_id IS NULL`);
    // Who answered which question (live answers).
    await runner.query(`
      CREATE VIEW "qa_answerers" AS
      SELECT a.question_id, a.author_id AS user_id FROM answers a WHERE a.deleted_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP VIEW "qa_answerers"`);
    await runner.query(`DROP VIEW "qa_open_questions"`);
    await runner.query(`DROP VIEW "qa_first_answers"`);
    await runner.query(`DROP VIEW "qa_accepted_by_tag"`);
    await runner.query(`DROP VIEW "qa_answer_stats"`);
  }
}
