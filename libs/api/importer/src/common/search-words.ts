import type pg from 'pg';

/** Switches the per-row search_words trigger off for the current transaction (see DeferrableSearchWords). */
export const DEFER_SEARCH_WORDS = `SET LOCAL crossroads.defer_search_words = 'on'`;

/**
 * Adds these questions' words to the "did you mean" dictionary in one statement: what the per-row
 * trigger does, set-based (each question counts once per distinct word; words in a fixed order).
 */
export async function addSearchWords(db: Pick<pg.ClientBase, 'query'>, questionIds: string[]): Promise<void> {
  if (!questionIds.length) return;
  await db.query(
    `INSERT INTO search_words (word, ndoc)
     SELECT w.lexeme, count(*) FROM questions q, unnest(to_tsvector('simple', q.title || ' ' || q.body)) AS w
      WHERE q.id = ANY($1::uuid[]) AND w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$'
      GROUP BY w.lexeme ORDER BY w.lexeme
     ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + EXCLUDED.ndoc`,
    [questionIds],
  );
}
