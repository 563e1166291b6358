import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the candidate set of a full-text search (the newest matches, before ranking) as a
 * function that plans its statement with the actual query and never scans the whole table. Left
 * to itself, the planner costs `search_vector @@ query` as a cheap filter and sequentially scans
 * every question for mid-selective queries (an exclusion like `agile -scrum`: 5× slower than the
 * GIN index, and growing with the table). `SET enable_seqscan = off` only applies inside the
 * function; EXECUTE plans each call with its values, so a common word still walks the newest-first
 * index and stops at the cap.
 */
export class QaSearchCandidates1795309763529 implements MigrationInterface {
  name = 'QaSearchCandidates1795309763529';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION qa_search_candidates(query tsquery, tag varchar, unanswered boolean, max_rows int)
      RETURNS TABLE (id uuid, search_vector tsvector)
      LANGUAGE plpgsql STABLE PARALLEL SAFE
      SET enable_seqscan = off
      AS $fn$
      BEGIN
        RETURN QUERY EXECUTE
          'SELECT q.id, q.search_vector FROM questions q WHERE q.deleted_at IS NULL AND q.search_vector @@ $1'
          || CASE WHEN tag IS NULL THEN '' ELSE ' AND q.tags @> ARRAY[$2]::varchar[]' END
          || CASE WHEN unanswered THEN ' AND q.accepted_answer_id IS NULL AND q.positive_answer_count = 0' ELSE '' END
          || ' ORDER BY q.created_at DESC, q.id DESC LIMIT $3'
          USING query, tag, max_rows;
      END
      $fn$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP FUNCTION qa_search_candidates(tsquery, varchar, boolean, int)`);
  }
}
