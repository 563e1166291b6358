import { rows, type Db } from '@crossroads/api-platform';

/* The only SQL on search_words (the dictionary of words questions use, kept by a trigger). */

export interface Suggestion {
  input: string;
  /** The most similar known word (pg_trgm), or null when none is similar enough. */
  suggestion: string | null;
}

/** The words the questions never used, each with its closest known word. */
export function unknownWordSuggestions(db: Db, words: readonly string[]): Promise<Suggestion[]> {
  return rows<Suggestion>(
    db,
    `SELECT w.input, (SELECT s.word FROM search_words s WHERE s.word % w.input
                         ORDER BY similarity(s.word, w.input) DESC, s.ndoc DESC, s.word LIMIT 1) AS suggestion
       FROM unnest($1::text[]) AS w(input)
       WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w.input)`,
    [words],
  );
}
