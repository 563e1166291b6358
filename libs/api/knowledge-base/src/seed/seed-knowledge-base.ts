import type { EntityManager } from 'typeorm';
import { DEMO_TOPICS } from './demo-articles.js';

export { DEMO_TOPICS };

export interface SeededKnowledgeBase {
  topics: number;
  articles: number;
}

/**
 * Seeds the demo topics and their published guide articles, written by `authorId` (a moderator or
 * admin of the demo community). Idempotent: topics and articles whose slug exists are left alone.
 * Call it inside the demo seeding's transaction.
 */
export async function seedKnowledgeBase(manager: EntityManager, authorId: string): Promise<SeededKnowledgeBase> {
  let topics = 0;
  let articles = 0;
  for (const [t, topic] of DEMO_TOPICS.entries()) {
    const inserted = (await manager.query(
      `INSERT INTO kb_topics (slug, name, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [topic.slug, topic.name, topic.description, t + 1],
    )) as { id: string }[];
    topics += inserted.length;
    const [{ id: topicId }] = (await manager.query(`SELECT id FROM kb_topics WHERE slug = $1`, [topic.slug])) as { id: string }[];
    for (const [i, a] of topic.articles.entries()) {
      const rows = (await manager.query(
        `INSERT INTO kb_articles (topic_id, slug, title, summary, body, tags, position, author_id, status, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', now()) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [topicId, a.slug, a.title, a.summary, a.body, a.tags, i + 1, authorId],
      )) as { id: string }[];
      articles += rows.length;
    }
  }
  return { topics, articles };
}
