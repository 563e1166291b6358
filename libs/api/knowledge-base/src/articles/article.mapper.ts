import type { ArticleRevisionRow, ArticleRow } from './articles.repository.js';
import { ArticleModel, ArticleRevisionModel } from './article.model.js';

export function toArticleModel(a: ArticleRow): ArticleModel {
  return Object.assign(new ArticleModel(), {
    id: a.id,
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body,
    status: a.status,
    tags: a.tags,
    position: a.position,
    publishedAt: a.publishedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    topicId: a.topicId,
    authorId: a.authorId,
    sourceQuestionId: a.sourceQuestionId,
    sourceAskerId: a.sourceAskerId,
    sourceAnswererId: a.sourceAnswererId,
  });
}

export function toArticleRevisionModel(r: ArticleRevisionRow): ArticleRevisionModel {
  return Object.assign(new ArticleRevisionModel(), {
    id: r.id,
    title: r.title,
    summary: r.summary,
    body: r.body,
    createdAt: r.createdAt,
    editorId: r.editorId,
  });
}
