import { rows, type Db } from '@crossroads/api-platform';

/**
 * Switches qa's per-row "did you mean" trigger off for the caller's transaction (migration
 * DeferrableSearchWords1795307516954): a bulk loader then adds the words once per batch with addSearchWords.
 */
export async function deferSearchWords(db: Db): Promise<void> {
  await db.query(`SET LOCAL crossroads.defer_search_words = 'on'`);
}

const WORD = `'^[a-z][a-z0-9+#.-]{2,39}$'`;

/**
 * Adds these questions' words to the "did you mean" dictionary in one statement: what the per-row
 * trigger does, set-based (each question counts once per distinct word; words in a fixed order).
 */
export async function addSearchWords(db: Db, questionIds: readonly string[]): Promise<void> {
  if (!questionIds.length) return;
  await rows(
    db,
    `INSERT INTO search_words (word, ndoc)
     SELECT w.lexeme, count(*) FROM questions q, unnest(to_tsvector('simple', q.title || ' ' || q.body)) AS w
      WHERE q.id = ANY($1::uuid[]) AND w.lexeme ~ ${WORD}
      GROUP BY w.lexeme ORDER BY w.lexeme
     ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + EXCLUDED.ndoc`,
    [[...questionIds]],
  );
}

/**
 * For very large loads: counts the words of the newest `sample` questions and scales the counts to
 * `loaded` questions (exact when `sample` ≥ `loaded`). Generated text has a fixed vocabulary, so the
 * sample stands for the rest.
 */
export async function addSampledSearchWords(db: Db, sample: number, loaded: number): Promise<void> {
  if (sample < 1 || loaded < 1) return;
  await rows(
    db,
    `INSERT INTO search_words (word, ndoc)
     SELECT w.lexeme, round(count(*) * $2::numeric / $1)::int FROM (SELECT title, body FROM questions ORDER BY created_at DESC LIMIT $1) q,
            unnest(to_tsvector('simple', q.title || ' ' || q.body)) AS w
      WHERE w.lexeme ~ ${WORD} GROUP BY 1 ORDER BY 1
     ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + EXCLUDED.ndoc`,
    [sample, loaded],
  );
}
