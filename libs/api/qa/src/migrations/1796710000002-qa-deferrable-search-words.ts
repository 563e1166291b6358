import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFERRABLE_SEARCH_WORDS = `
  CREATE OR REPLACE FUNCTION qa_questions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF current_setting('crossroads.defer_search_words', true) = 'on' THEN RETURN NULL; END IF;
    INSERT INTO search_words (word, ndoc)
    SELECT w.lexeme, 1 FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.body)) AS w
    WHERE w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$'
    ORDER BY w.lexeme
    ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + 1;
    RETURN NULL;
  END $$`;

/**
 * Hand-written. qa takes ownership of its "did you mean" trigger function: the importer's migration
 * DeferrableSearchWords1795307516954 rewrote it (committed migrations stay as they are, so that one
 * keeps running on new databases); this migration re-creates the same definition as qa's, and from
 * here on only qa's migrations change it. A bulk loader defers the per-row work for its own
 * transaction through qa's `deferSearchWords` and adds the words set-based with `addSearchWords`.
 * Up and down both leave the deferrable definition, the state before and after this migration.
 */
export class QaDeferrableSearchWords1796710000002 implements MigrationInterface {
  name = 'QaDeferrableSearchWords1796710000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(DEFERRABLE_SEARCH_WORDS);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(DEFERRABLE_SEARCH_WORDS);
  }
}
