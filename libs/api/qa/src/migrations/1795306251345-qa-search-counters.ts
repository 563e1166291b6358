import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: what TypeORM cannot express. Ordered/partial keyset indexes for the feed sorts, GIN
 * indexes (tags, full-text search, trigrams), the search_vector trigger, the "did you mean" word
 * dictionary, and the counters kept exact by triggers (feed totals, tag question counts, answer and
 * comment counts), so they hold whatever path changes a row (moderation hiding included).
 */
export class QaSearchCounters1795306251345 implements MigrationInterface {
  name = 'QaSearchCounters1795306251345';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Keyset indexes, one per feed sort (newest / active / votes / unanswered), live rows only.
    await runner.query(`CREATE INDEX "questions_newest_idx" ON "questions" ("created_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL`);
    await runner.query(`CREATE INDEX "questions_active_idx" ON "questions" ("last_activity_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL`);
    await runner.query(`CREATE INDEX "questions_votes_idx" ON "questions" ("score" DESC, "id" DESC) WHERE "deleted_at" IS NULL`);
    await runner.query(
      `CREATE INDEX "questions_unanswered_idx" ON "questions" ("created_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL AND "accepted_answer_id" IS NULL AND "positive_answer_count" = 0`,
    );
    await runner.query(`CREATE INDEX "questions_tags_idx" ON "questions" USING gin ("tags")`);
    await runner.query(`CREATE INDEX "questions_search_idx" ON "questions" USING gin ("search_vector")`);
    await runner.query(
      `CREATE INDEX "answers_question_order_idx" ON "answers" ("question_id", "is_accepted" DESC, "score" DESC, "created_at", "id") WHERE "deleted_at" IS NULL`,
    );
    await runner.query(
      `CREATE INDEX "comments_post_published_idx" ON "comments" ("post_id", "created_at", "id") WHERE "status" = 'PUBLISHED' AND "deleted_at" IS NULL`,
    );
    await runner.query(`CREATE INDEX "tags_name_prefix_idx" ON "tags" ("name" varchar_pattern_ops)`);

    // Exact totals for the feed without COUNT(*) over the table.
    await runner.query(`CREATE TABLE "qa_counters" ("name" varchar(40) PRIMARY KEY, "value" bigint NOT NULL DEFAULT 0)`);
    await runner.query(`INSERT INTO "qa_counters" ("name", "value") VALUES ('questions', 0), ('unanswered', 0)`);

    // Words seen in questions (unstemmed), with trigram index: the "did you mean" dictionary.
    await runner.query(`CREATE TABLE "search_words" ("word" varchar(40) PRIMARY KEY, "ndoc" integer NOT NULL DEFAULT 1)`);
    await runner.query(`CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops)`);

    await runner.query(`
      CREATE FUNCTION qa_questions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
                          || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
        RETURN NEW;
      END $$`);
    await runner.query(
      `CREATE TRIGGER questions_search_vector BEFORE INSERT OR UPDATE OF title, body ON questions FOR EACH ROW EXECUTE FUNCTION qa_questions_search_vector()`,
    );

    // Locks words in a fixed order so concurrent askers cannot deadlock on shared words.
    await runner.query(`
      CREATE FUNCTION qa_questions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_words (word, ndoc)
        SELECT w.lexeme, 1 FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.body)) AS w
        WHERE w.lexeme ~ '^[a-z][a-z0-9+#.-]{2,39}$'
        ORDER BY w.lexeme
        ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + 1;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER questions_search_words AFTER INSERT OR UPDATE OF title, body ON questions FOR EACH ROW EXECUTE FUNCTION qa_questions_search_words()`,
    );

    await runner.query(`
      CREATE FUNCTION qa_questions_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_live boolean := false; new_live boolean := false;
        old_open boolean := false; new_open boolean := false;
        old_tags varchar[] := '{}'; new_tags varchar[] := '{}';
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          old_live := OLD.deleted_at IS NULL;
          old_open := old_live AND OLD.accepted_answer_id IS NULL AND OLD.positive_answer_count = 0;
          IF old_live THEN old_tags := OLD.tags; END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          new_live := NEW.deleted_at IS NULL;
          new_open := new_live AND NEW.accepted_answer_id IS NULL AND NEW.positive_answer_count = 0;
          IF new_live THEN new_tags := NEW.tags; END IF;
        END IF;
        IF old_live <> new_live THEN
          UPDATE qa_counters SET value = value + CASE WHEN new_live THEN 1 ELSE -1 END WHERE name = 'questions';
        END IF;
        IF old_open <> new_open THEN
          UPDATE qa_counters SET value = value + CASE WHEN new_open THEN 1 ELSE -1 END WHERE name = 'unanswered';
        END IF;
        IF old_tags IS DISTINCT FROM new_tags THEN
          UPDATE tags SET question_count = question_count - 1 WHERE name = ANY(old_tags) AND NOT (name = ANY(new_tags));
          UPDATE tags SET question_count = question_count + 1 WHERE name = ANY(new_tags) AND NOT (name = ANY(old_tags));
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER questions_counters AFTER INSERT OR DELETE OR UPDATE OF deleted_at, accepted_answer_id, positive_answer_count, tags ON questions FOR EACH ROW EXECUTE FUNCTION qa_questions_counters()`,
    );

    await runner.query(`
      CREATE FUNCTION qa_answers_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_live boolean := false; new_live boolean := false;
        old_pos boolean := false; new_pos boolean := false;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_live := OLD.deleted_at IS NULL; old_pos := old_live AND OLD.score > 0; END IF;
        IF TG_OP <> 'DELETE' THEN new_live := NEW.deleted_at IS NULL; new_pos := new_live AND NEW.score > 0; END IF;
        IF old_live <> new_live OR old_pos <> new_pos THEN
          UPDATE questions
             SET answer_count = answer_count + (new_live::int - old_live::int),
                 positive_answer_count = positive_answer_count + (new_pos::int - old_pos::int)
           WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.question_id ELSE NEW.question_id END;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER answers_counters AFTER INSERT OR DELETE OR UPDATE OF deleted_at, score ON answers FOR EACH ROW EXECUTE FUNCTION qa_answers_counters()`,
    );

    await runner.query(`
      CREATE FUNCTION qa_comments_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_shown boolean := false; new_shown boolean := false;
        post_kind qa_post_type; post uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_shown := OLD.deleted_at IS NULL AND OLD.status = 'PUBLISHED'; post_kind := OLD.post_type; post := OLD.post_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_shown := NEW.deleted_at IS NULL AND NEW.status = 'PUBLISHED'; post_kind := NEW.post_type; post := NEW.post_id; END IF;
        IF old_shown <> new_shown THEN
          IF post_kind = 'QUESTION' THEN
            UPDATE questions SET comment_count = comment_count + (new_shown::int - old_shown::int) WHERE id = post;
          ELSE
            UPDATE answers SET comment_count = comment_count + (new_shown::int - old_shown::int) WHERE id = post;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER comments_counters AFTER INSERT OR DELETE OR UPDATE OF deleted_at, status ON comments FOR EACH ROW EXECUTE FUNCTION qa_comments_counters()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER comments_counters ON comments`);
    await runner.query(`DROP FUNCTION qa_comments_counters()`);
    await runner.query(`DROP TRIGGER answers_counters ON answers`);
    await runner.query(`DROP FUNCTION qa_answers_counters()`);
    await runner.query(`DROP TRIGGER questions_counters ON questions`);
    await runner.query(`DROP FUNCTION qa_questions_counters()`);
    await runner.query(`DROP TRIGGER questions_search_words ON questions`);
    await runner.query(`DROP FUNCTION qa_questions_search_words()`);
    await runner.query(`DROP TRIGGER questions_search_vector ON questions`);
    await runner.query(`DROP FUNCTION qa_questions_search_vector()`);
    await runner.query(`DROP TABLE "search_words"`);
    await runner.query(`DROP TABLE "qa_counters"`);
    for (const index of [
      'tags_name_prefix_idx',
      'comments_post_published_idx',
      'answers_question_order_idx',
      'questions_search_idx',
      'questions_tags_idx',
      'questions_unanswered_idx',
      'questions_votes_idx',
      'questions_active_idx',
      'questions_newest_idx',
    ]) {
      await runner.query(`DROP INDEX "public"."${index}"`);
    }
  }
}
