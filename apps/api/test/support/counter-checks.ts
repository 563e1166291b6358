/** Counters kept by triggers (or by a bulk loader) that disagree with the rows: empty when all agree. */
export async function counterMismatches(query: (sql: string) => Promise<any[]>): Promise<Record<string, unknown[]>> {
  const checks: Record<string, string> = {
    qaCounters: `SELECT c.name, c.value::int AS stored, x.actual FROM qa_counters c JOIN (
        SELECT 'questions' AS name, count(*)::int AS actual FROM questions WHERE deleted_at IS NULL
        UNION ALL SELECT 'unanswered', count(*)::int FROM questions WHERE deleted_at IS NULL AND accepted_answer_id IS NULL AND positive_answer_count = 0
      ) x ON x.name = c.name WHERE c.value <> x.actual`,
    tagCounts: `SELECT t.name, t.question_count, count(q.id)::int AS actual FROM tags t LEFT JOIN questions q ON t.name = ANY(q.tags) AND q.deleted_at IS NULL
      GROUP BY t.name HAVING t.question_count <> count(q.id)`,
    answerCounts: `SELECT q.id FROM questions q LEFT JOIN answers a ON a.question_id = q.id AND a.deleted_at IS NULL
      GROUP BY q.id HAVING q.answer_count <> count(a.id) OR q.positive_answer_count <> count(a.id) FILTER (WHERE a.score > 0)`,
    questionCommentCounts: `SELECT q.id FROM questions q LEFT JOIN comments c ON c.post_id = q.id AND c.status = 'PUBLISHED' AND c.deleted_at IS NULL
      GROUP BY q.id HAVING q.comment_count <> count(c.id)`,
    answerCommentCounts: `SELECT a.id FROM answers a LEFT JOIN comments c ON c.post_id = a.id AND c.status = 'PUBLISHED' AND c.deleted_at IS NULL
      GROUP BY a.id HAVING a.comment_count <> count(c.id)`,
    acceptedFlags: `SELECT a.id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.is_accepted <> (q.accepted_answer_id IS NOT DISTINCT FROM a.id)`,
    searchVectors: `SELECT id FROM questions WHERE search_vector IS NULL`,
    reputation: `SELECT u.id FROM users u LEFT JOIN reputation_events e ON e.user_id = u.id GROUP BY u.id HAVING u.reputation <> coalesce(sum(e.points), 0)`,
    scores: `SELECT q.id FROM questions q WHERE EXISTS (SELECT 1 FROM votes v WHERE v.post_id = q.id)
      AND q.score <> (SELECT coalesce(sum(v.value), 0) FROM votes v WHERE v.post_id = q.id)`,
  };
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(checks)) {
    const rows = await query(sql);
    if (rows.length) out[name] = rows.slice(0, 5);
  }
  return out;
}
