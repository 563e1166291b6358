import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the weighted search_vector trigger (title A, summary B, body C, English), GIN
 * indexes on it and on tags, the partial index that orders a topic's published articles
 * (topic page, previous/next), and the single settings row.
 */
export class KbSearchIndexes1795308154477 implements MigrationInterface {
  name = 'KbSearchIndexes1795308154477';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION kb_articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
                          || setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B')
                          || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
      END $$`);
    await runner.query(
      `CREATE TRIGGER kb_articles_search_vector BEFORE INSERT OR UPDATE OF title, summary, body ON kb_articles FOR EACH ROW EXECUTE FUNCTION kb_articles_search_vector()`,
    );
    await runner.query(`CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search_vector")`);
    await runner.query(`CREATE INDEX "kb_articles_tags_idx" ON "kb_articles" USING gin ("tags")`);
    await runner.query(
      `CREATE INDEX "kb_articles_published_order_idx" ON "kb_articles" ("topic_id", "position", "created_at", "id") WHERE "status" = 'PUBLISHED'`,
    );
    await runner.query(`INSERT INTO "kb_settings" ("id", "mentors_may_write") VALUES (1, false)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "kb_settings"`);
    await runner.query(`DROP INDEX "public"."kb_articles_published_order_idx"`);
    await runner.query(`DROP INDEX "public"."kb_articles_tags_idx"`);
    await runner.query(`DROP INDEX "public"."kb_articles_search_idx"`);
    await runner.query(`DROP TRIGGER kb_articles_search_vector ON kb_articles`);
    await runner.query(`DROP FUNCTION kb_articles_search_vector()`);
  }
}
