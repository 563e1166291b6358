import { ConflictError, isUniqueViolation, toDate, toDateOrNull, type Row } from '@crossroads/api-platform';
import { ArticleEntity } from '../articles/article.entity.js';
import { TopicEntity } from '../topics/topic.entity.js';

export const TOPIC_COLUMNS = `t.id, t.slug, t.name, t.description, t.position, t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

export const ARTICLE_COLUMNS = `a.id, a.topic_id AS "topicId", a.slug, a.title, a.summary, a.body, a.tags, a.position,
  a.author_id AS "authorId", a.status, a.published_at AS "publishedAt", a.source_question_id AS "sourceQuestionId",
  a.source_asker_id AS "sourceAskerId", a.source_answerer_id AS "sourceAnswererId", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Order of a topic's articles: position, then creation (same keys as the topic-order indexes). */
export const ARTICLE_ORDER = 'a.position, a.created_at, a.id';

export function topicFromRow(r: Row): TopicEntity {
  return Object.assign(new TopicEntity(), {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description ?? null,
    position: Number(r.position),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
  });
}

export function articleFromRow(r: Row): ArticleEntity {
  return Object.assign(new ArticleEntity(), {
    id: r.id,
    topicId: r.topicId,
    slug: r.slug,
    title: r.title,
    summary: r.summary ?? null,
    body: r.body,
    tags: r.tags,
    position: Number(r.position),
    authorId: r.authorId,
    status: r.status,
    publishedAt: toDateOrNull(r.publishedAt),
    sourceQuestionId: r.sourceQuestionId ?? null,
    sourceAskerId: r.sourceAskerId ?? null,
    sourceAnswererId: r.sourceAnswererId ?? null,
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
  });
}

/** Runs a write; a unique-slug violation becomes CONFLICT naming `slug`. */
export async function withUniqueSlug<T>(what: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e, /_slug_key$/)) throw new ConflictError(`A ${what} with the slug "${slug}" already exists.`, 'slug');
    throw e;
  }
}
