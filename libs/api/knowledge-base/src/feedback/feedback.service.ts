import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import { ForbiddenError, NotFoundError, RateLimitService, type Principal, type RateLimitRule, decodeCursor, encodeCursor, inTransaction, pageSize, toPage, type Page, returning, type Row } from '@crossroads/api-platform';
import type { ArticleFeedbackEntity } from './article-feedback.entity.js';
import type { ArticleFeedbackInput, ArticleFeedbackListArgs } from './dto/feedback.inputs.js';

const { feedbackThrottle } = LIMITS.knowledgeBase;

export const FEEDBACK_RULE: RateLimitRule = {
  name: 'kb-feedback',
  points: feedbackThrottle.points,
  windowSeconds: feedbackThrottle.windowSeconds,
  message: 'You have sent a lot of feedback in a short time.',
};

const FEEDBACK_COLUMNS = `f.id, f.article_id AS "articleId", f.user_id AS "userId", f.message, f.status, f.done_at AS "doneAt",
  f.done_by_id AS "doneById", f.created_at AS "createdAt"`;

const LIST = 'kb-feedback';

function feedbackFromRow(r: Row): ArticleFeedbackEntity {
  return {
    id: String(r.id),
    articleId: String(r.articleId),
    userId: (r.userId as string | null) ?? null,
    message: String(r.message),
    status: r.status as ArticleFeedbackEntity['status'],
    doneAt: r.doneAt ? new Date(r.doneAt as string) : null,
    doneById: (r.doneById as string | null) ?? null,
    createdAt: new Date(r.createdAt as string),
  };
}

export const feedbackCursor = (f: ArticleFeedbackEntity) => encodeCursor(LIST, [f.createdAt, f.id]);

/** "How can we improve this article?": anyone sends (rate-limited), moderators and the article's author read it. */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitService,
  ) {}

  async send(viewer: Principal | null, ip: string, input: ArticleFeedbackInput): Promise<void> {
    await this.rateLimits.consume(FEEDBACK_RULE, [`ip:${ip}`, ...(viewer ? [`user:${viewer.id}`] : [])]);
    await inTransaction(this.dataSource, async (m) => {
      const [article] = (await m.query(`SELECT id FROM kb_articles WHERE id = $1 AND status = 'PUBLISHED'`, [input.articleId])) as { id: string }[];
      if (!article) throw new NotFoundError('Article', 'articleId');
      await m.query(`INSERT INTO kb_article_feedback (article_id, user_id, message) VALUES ($1, $2, $3)`, [input.articleId, viewer?.id ?? null, input.message]);
    });
  }

  /** Newest first. Moderators see all feedback; anyone else only feedback on articles they wrote. */
  async list(viewer: Principal, args: ArticleFeedbackListArgs): Promise<Page<ArticleFeedbackEntity> & { totalCount: number }> {
    const size = pageSize(args.first);
    const moderator = roleHasPermission(viewer.role, 'article.feedback.read');
    if (args.articleId && !moderator) {
      const [article] = (await this.dataSource.query(`SELECT author_id AS "authorId" FROM kb_articles WHERE id = $1`, [args.articleId])) as { authorId: string }[];
      if (!article) throw new NotFoundError('Article', 'articleId');
      if (article.authorId !== viewer.id) throw new ForbiddenError("Only moderators and the article's author can read its feedback.");
    }
    const params: unknown[] = [moderator, viewer.id];
    const where = ['($1::boolean OR a.author_id = $2::uuid)'];
    if (args.articleId) {
      params.push(args.articleId);
      where.push(`f.article_id = $${params.length}`);
    }
    if (args.status) {
      params.push(args.status);
      where.push(`f.status = $${params.length}`);
    }
    const pageWhere = [...where];
    const pageParams = [...params];
    if (args.after) {
      const [at, id] = decodeCursor(args.after, LIST, ['date', 'id']);
      pageParams.push(at, id);
      pageWhere.push(`(f.created_at, f.id) < ($${pageParams.length - 1}, $${pageParams.length})`);
    }
    const [rows, [{ n }]] = (await Promise.all([
      this.dataSource.query(
        `SELECT ${FEEDBACK_COLUMNS} FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id
         WHERE ${pageWhere.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT ${size + 1}`,
        pageParams,
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id WHERE ${where.join(' AND ')}`, params),
    ])) as [Row[], { n: number }[]];
    return { ...toPage(rows.map(feedbackFromRow), size), totalCount: n };
  }

  /** Moderators, or the article's author, mark an item done (again: no change). */
  async markDone(viewer: Principal, id: string): Promise<ArticleFeedbackEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const [row] = (await m.query(`SELECT ${FEEDBACK_COLUMNS}, a.author_id AS "articleAuthorId" FROM kb_article_feedback f JOIN kb_articles a ON a.id = f.article_id WHERE f.id = $1 FOR UPDATE OF f`, [
        id,
      ])) as Row[];
      if (!row) throw new NotFoundError('Feedback', 'id');
      if (!roleHasPermission(viewer.role, 'article.feedback.read') && row.articleAuthorId !== viewer.id) {
        throw new ForbiddenError("Only moderators and the article's author can handle its feedback.");
      }
      const feedback = feedbackFromRow(row);
      if (feedback.status === 'DONE') return feedback;
      const [updated] = await returning(
        m,
        `UPDATE kb_article_feedback AS f SET status = 'DONE', done_at = now(), done_by_id = $2 WHERE f.id = $1 RETURNING ${FEEDBACK_COLUMNS}`,
        [id, viewer.id],
      );
      return feedbackFromRow(updated);
    });
  }
}
