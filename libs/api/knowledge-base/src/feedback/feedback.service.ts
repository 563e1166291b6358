import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import {
  EventBus,
  ForbiddenError,
  NotFoundError,
  RateLimitService,
  type Principal,
  type RateLimitRule,
  decodeCursor,
  encodeCursor,
  inTransaction,
  pageSize,
  toPage,
  type Page,
} from '@crossroads/api-platform';
import { KNOWLEDGE_BASE_EVENTS, type FeedbackSentPayload } from '../events/knowledge-base-events.js';
import { articleAuthor, publishedArticleExists } from '../articles/articles.repository.js';
import * as repo from './feedback.repository.js';
import type { FeedbackRow } from './feedback.repository.js';
import type { ArticleFeedbackInput, ArticleFeedbackListArgs } from './dto/feedback.inputs.js';

const { feedbackThrottle } = LIMITS.knowledgeBase;

export const FEEDBACK_RULE: RateLimitRule = {
  name: 'kb-feedback',
  points: feedbackThrottle.points,
  windowSeconds: feedbackThrottle.windowSeconds,
  message: 'You have sent a lot of feedback in a short time.',
};

const LIST = 'kb-feedback';

export const feedbackCursor = (f: FeedbackRow) => encodeCursor(LIST, [f.createdAt, f.id]);

/** "How can we improve this article?": anyone sends (rate-limited), moderators and the article's author read it. */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitService,
    private readonly events: EventBus,
  ) {}

  async send(viewer: Principal | null, ip: string, input: ArticleFeedbackInput): Promise<void> {
    await this.rateLimits.consume(FEEDBACK_RULE, [`ip:${ip}`, ...(viewer ? [`user:${viewer.id}`] : [])]);
    await inTransaction(this.dataSource, async (m) => {
      if (!(await publishedArticleExists(m, input.articleId))) throw new NotFoundError('Article', 'articleId');
      await repo.insertFeedback(m, { articleId: input.articleId, userId: viewer?.id ?? null, message: input.message });
      await this.events.emit(m, {
        type: KNOWLEDGE_BASE_EVENTS.feedbackSent,
        actorId: viewer?.id ?? null,
        payload: { articleId: input.articleId } satisfies FeedbackSentPayload,
      });
    });
  }

  /** Newest first. Moderators see all feedback; anyone else only feedback on articles they wrote. */
  async list(viewer: Principal, args: ArticleFeedbackListArgs): Promise<Page<FeedbackRow> & { totalCount: number }> {
    const size = pageSize(args.first);
    const moderator = roleHasPermission(viewer.role, 'article.feedback.read');
    if (args.articleId && !moderator) {
      const article = await articleAuthor(this.dataSource, args.articleId);
      if (!article) throw new NotFoundError('Article', 'articleId');
      if (article.authorId !== viewer.id)
        throw new ForbiddenError("Only moderators and the article's author can read its feedback.");
    }
    const filter = { all: moderator, viewerId: viewer.id, articleId: args.articleId, status: args.status };
    const after = args.after ? decodeCursor(args.after, LIST, ['date', 'id']) : undefined;
    const [rows, n] = await Promise.all([
      repo.feedbackPage(this.dataSource, filter, size + 1, after),
      repo.feedbackCount(this.dataSource, filter),
    ]);
    return { ...toPage(rows, size), totalCount: n };
  }

  /** Moderators, or the article's author, mark an item done (again: no change). */
  async markDone(viewer: Principal, id: string): Promise<FeedbackRow> {
    return inTransaction(this.dataSource, async (m) => {
      const row = await repo.lockFeedback(m, id);
      if (!row) throw new NotFoundError('Feedback', 'id');
      if (!roleHasPermission(viewer.role, 'article.feedback.read') && row.articleAuthorId !== viewer.id) {
        throw new ForbiddenError("Only moderators and the article's author can handle its feedback.");
      }
      const { articleAuthorId: _author, ...feedback } = row;
      if (feedback.status === 'DONE') return feedback;
      return repo.markFeedbackDone(m, id, viewer.id);
    });
  }
}
