import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what TypeORM cannot express. GIN indexes for the directory filters and matching
 * (`expertise && question tags`), the directory's full-text index, the partial unique index behind
 * "one open request per member–mentor pair", the expiry job's partial index, and two read-only
 * views over the qa tables that the profile stats, directory and matching read (this context never
 * writes qa tables; the views keep the qa column knowledge in one place).
 */
export class MentoringIndexesViews1795307497504 implements MigrationInterface {
  name = 'MentoringIndexesViews1795307497504';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "mentor_profiles_expertise_idx" ON "mentor_profiles" USING gin ("expertise")`);
    await runner.query(`CREATE INDEX "mentor_profiles_industries_idx" ON "mentor_profiles" USING gin ("industries")`);
    await runner.query(`CREATE INDEX "mentor_profiles_certifications_idx" ON "mentor_profiles" USING gin ("certifications")`);
    await runner.query(
      `CREATE INDEX "mentor_profiles_search_idx" ON "mentor_profiles" USING gin (to_tsvector('english', "headline" || ' ' || "bio"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "mentorship_requests_open_pair_idx" ON "mentorship_requests" ("mentee_id", "mentor_id") WHERE "status" IN ('PENDING', 'ACCEPTED')`,
    );
    await runner.query(`CREATE INDEX "mentorship_requests_pending_idx" ON "mentorship_requests" ("created_at") WHERE "status" = 'PENDING'`);

    // Live answers per author: all, and accepted.
    await runner.query(`
      CREATE VIEW "mentoring_answer_stats" AS
      SELECT a.author_id AS user_id, count(*)::int AS answer_count, (count(*) FILTER (WHERE a.is_accepted))::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id`);
    // Accepted live answers per author and tag of the question.
    await runner.query(`
      CREATE VIEW "mentoring_accepted_by_tag" AS
      SELECT a.author_id AS user_id, t.tag::varchar(25) AS tag, count(*)::int AS accepted_count
      FROM answers a JOIN questions q ON q.id = a.question_id CROSS JOIN LATERAL unnest(q.tags) AS t(tag)
      WHERE a.is_accepted AND a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, t.tag`);
    // Per author and question they answered: the question's tags and seconds to their first answer.
    await runner.query(`
      CREATE VIEW "mentoring_first_answers" AS
      SELECT a.author_id AS user_id, q.id AS question_id, q.tags, extract(epoch FROM min(a.created_at) - q.created_at)::float8 AS seconds
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.deleted_at IS NULL AND q.deleted_at IS NULL
      GROUP BY a.author_id, q.id`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP VIEW "mentoring_first_answers"`);
    await runner.query(`DROP VIEW "mentoring_accepted_by_tag"`);
    await runner.query(`DROP VIEW "mentoring_answer_stats"`);
    await runner.query(`DROP INDEX "mentorship_requests_pending_idx"`);
    await runner.query(`DROP INDEX "mentorship_requests_open_pair_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_search_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_certifications_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_industries_idx"`);
    await runner.query(`DROP INDEX "mentor_profiles_expertise_idx"`);
  }
}
