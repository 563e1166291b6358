import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written. The Q&A "did you mean" dictionary trigger (one INSERT … ON CONFLICT per question)
 * dominates bulk loads. This lets a bulk loader switch it off for its own transaction with
 * `SET LOCAL crossroads.defer_search_words = 'on'` and update search_words once per batch, set-based
 * (see `addSearchWords` in the importer); every other writer keeps the per-row trigger unchanged.
 */
export class DeferrableSearchWords1795307516954 implements MigrationInterface {
  name = 'DeferrableSearchWords1795307516954';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION qa_questions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('crossroads.defer_search_words', true) = 'on' THEN RETURN NULL; END IF;
        INSERT INTO search_words (word, ndoc)
        SELECT w.lexeme, 1 FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.body)) AS w
        WHERE w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$'
        ORDER BY w.lexeme
        ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + 1;
        RETURN NULL;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION qa_questions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_words (word, ndoc)
        SELECT w.lexeme, 1 FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.body)) AS w
        WHERE w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$'
        ORDER BY w.lexeme
        ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + 1;
        RETURN NULL;
      END $$`);
  }
}
