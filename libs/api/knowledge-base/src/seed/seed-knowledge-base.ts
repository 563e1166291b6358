import type { EntityManager } from 'typeorm';
import { ensurePublishedArticle } from '../articles/articles.repository.js';
import { ensureTopic } from '../topics/topics.repository.js';
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
    const { id: topicId, inserted } = await ensureTopic(manager, {
      slug: topic.slug,
      name: topic.name,
      description: topic.description,
      position: t + 1,
    });
    if (inserted) topics++;
    for (const [i, a] of topic.articles.entries()) {
      if (
        await ensurePublishedArticle(manager, {
          topicId,
          slug: a.slug,
          title: a.title,
          summary: a.summary,
          body: a.body,
          tags: a.tags,
          position: i + 1,
          authorId,
        })
      )
        articles++;
    }
  }
  return { topics, articles };
}
