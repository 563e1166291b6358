import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ABUSE_LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import { randomUUID } from 'node:crypto';
import {
  BadInputError,
  ConflictError,
  EventBus,
  ForbiddenError,
  NotFoundError,
  PostingLimits,
  RateLimitService,
  type LoaderRegistry,
  type Principal,
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
  type Page,
  inTransaction,
} from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';
import { COMMENT_PREVIEW_SIZE } from '../common/sql.js';
import { CommentHoldPolicy } from './comment-hold.policy.js';
import * as comments from './comments.repository.js';
import { CommentEntity } from './comment.entity.js';
import type { AddCommentInput } from './dto/add-comment.input.js';
import {
  QA_EVENTS,
  type CommentFollowUpRequestedPayload,
  type CommentHeldPayload,
  type CommentPublishedPayload,
} from '../events/qa-events.js';

export const commentCursor = (c: CommentEntity) => encodeCursor('comments', [c.createdAt, c.id]);

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holdPolicy: CommentHoldPolicy,
    private readonly events: EventBus,
    private readonly rateLimits: RateLimitService,
    /** New-account limits (provided by the moderation context). */
    @Optional() private readonly limits?: PostingLimits,
  ) {}

  /**
   * Adds a comment, published or held as the hold policy decides; the author gets it back either way.
   * Guests coming over HTTP (`client`) are limited per IP and per email; a guest whose honeypot
   * (`website`, hidden from people) is filled gets a held-looking answer and nothing is stored.
   */
  async add(viewer: Principal | null, input: AddCommentInput, client?: { ip: string }): Promise<CommentEntity> {
    if (input.targetType === 'COMMENT') throw new BadInputError('targetType', 'Comments go on questions and answers.');
    if (viewer) {
      if (!roleHasPermission(viewer.role, 'comment.add')) throw new ForbiddenError();
      if (input.guestName !== undefined)
        throw new BadInputError('guestName', 'guestName is only for guests: you are signed in.');
      if (input.guestEmail !== undefined)
        throw new BadInputError('guestEmail', 'guestEmail is only for guests: you are signed in.');
      if (input.notifyByEmail)
        throw new BadInputError(
          'notifyByEmail',
          'notifyByEmail is only for guests: members follow the question instead.',
        );
    } else {
      if (!input.guestName) throw new BadInputError('guestName', 'guestName is required to comment as a guest.');
      if (!input.guestEmail) throw new BadInputError('guestEmail', 'guestEmail is required to comment as a guest.');
      if (client) await this.limitGuest(client.ip, input.guestEmail);
    }
    const trapped = !viewer && Boolean(input.website);
    const postType: QaPostType = input.targetType;
    return inTransaction(this.dataSource, async (m) => {
      const post = await comments.commentTarget(m, postType, input.targetId);
      if (!post) throw new NotFoundError(postType === 'QUESTION' ? 'Question' : 'Answer', 'targetId');
      if (trapped) return droppedComment(input, postType, post.questionId);

      const decision = await this.holdPolicy.decide(m, viewer, input.body);
      if (decision.outcome === 'refuse') throw new ForbiddenError(decision.message);
      if (viewer) await this.limits?.check(m, viewer, 'COMMENT');
      const comment = await comments.insert(m, {
        postType,
        postId: input.targetId,
        questionId: post.questionId,
        authorId: viewer?.id ?? null,
        guestName: viewer ? null : (input.guestName ?? null),
        guestEmail: viewer ? null : (input.guestEmail ?? null),
        body: input.body,
        status: decision.outcome === 'publish' ? 'PUBLISHED' : 'PENDING',
        holdReason: decision.outcome === 'hold' ? decision.reason : null,
      });
      await this.events.emit(
        m,
        decision.outcome === 'publish'
          ? {
              type: QA_EVENTS.commentPublished,
              actorId: viewer?.id ?? null,
              payload: {
                commentId: comment.id,
                postType,
                postId: input.targetId,
                questionId: post.questionId,
                authorId: viewer?.id ?? null,
                postAuthorId: post.postAuthorId,
                approved: false,
              } satisfies CommentPublishedPayload,
            }
          : {
              type: QA_EVENTS.commentHeld,
              actorId: viewer?.id ?? null,
              payload: {
                commentId: comment.id,
                questionId: post.questionId,
                reason: comment.holdReason,
              } satisfies CommentHeldPayload,
            },
        ...(!viewer && input.notifyByEmail
          ? [
              {
                type: QA_EVENTS.commentFollowUpRequested,
                actorId: null,
                payload: {
                  commentId: comment.id,
                  questionId: post.questionId,
                } satisfies CommentFollowUpRequestedPayload,
              },
            ]
          : []),
      );
      return comment;
    });
  }

  private async limitGuest(ip: string, email: string): Promise<void> {
    const message = 'Too many guest comments. Try again later, or sign in.';
    const { guestCommentsPerIp: perIp, guestCommentsPerEmail: perEmail } = ABUSE_LIMITS;
    await this.rateLimits.consume(
      { name: 'guest-comment-ip', points: perIp.points, windowSeconds: perIp.windowSeconds, message },
      [ip],
    );
    await this.rateLimits.consume(
      { name: 'guest-comment-email', points: perEmail.points, windowSeconds: perEmail.windowSeconds, message },
      [email.toLowerCase()],
    );
  }

  /**
   * The first published comments of each post (up to COMMENT_PREVIEW_SIZE). Question and answer
   * pages prime it from their own statement; otherwise one windowed query serves every post.
   */
  previewLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CommentEntity[]>('qa.comments.preview', async (postIds) => {
      return groupBy(postIds, await comments.publishedOf(this.dataSource.manager, postIds), (c) => c.postId);
    });
  }

  /**
   * A guest comment's name and address, whatever its status, for the notifications context's
   * follow-up emails (never shown to anyone; the address is still only on the comment).
   */
  async guestContact(commentId: string): Promise<{ questionId: string; guestName: string; guestEmail: string } | null> {
    return (await comments.guestContact(this.dataSource.manager, commentId)) ?? null;
  }

  /** Published comments by id, batched per request (what other contexts show, e.g. a notification's comment). */
  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CommentEntity | null>('qa.comments.byId', async (ids) => {
      const found = new Map((await comments.publishedById(this.dataSource.manager, ids)).map((c) => [c.id, c]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Later pages (or big first pages): batched per (size, cursor). */
  pageLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CommentEntity[]>('qa.comments.page', async (keys) => {
      const groups = new Map<string, string[]>();
      for (const key of keys) {
        const [postId, rest] = [key.slice(0, 36), key.slice(37)];
        groups.set(rest, [...(groups.get(rest) ?? []), postId]);
      }
      const found = new Map<string, CommentEntity[]>();
      for (const [rest, postIds] of groups) {
        const [limit, after] = rest.split('|');
        const keyset = after ? (decodeCursor(after, 'comments', ['date', 'id']) as [Date, string]) : null;
        const rows = await comments.publishedOf(this.dataSource.manager, postIds, Number(limit), keyset);
        const grouped = groupBy(postIds, rows, (c) => c.postId);
        postIds.forEach((id, i) => found.set(`${id}|${rest}`, grouped[i]));
      }
      return keys.map((k) => found.get(k) ?? []);
    });
  }

  /** Of these comments, those still held (their authors see them until a moderator decides). */
  heldByIds(ids: readonly string[]): Promise<CommentEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : comments.heldByIds(this.dataSource.manager, ids);
  }

  /** Held (PENDING) comments oldest first, keyset on (createdAt, id), with how many wait in all. */
  async heldPage(args: {
    first?: number | null;
    after?: string | null;
  }): Promise<Page<CommentEntity> & { totalCount: number }> {
    const size = pageSize(args.first);
    const after = args.after ? (decodeCursor(args.after, 'moderationQueue', ['date', 'id']) as [Date, string]) : null;
    const page = await comments.heldPage(this.dataSource.manager, after, size + 1);
    return { ...toPage(page.comments, size), totalCount: page.totalCount };
  }

  heldCount(): Promise<number> {
    return comments.heldCount(this.dataSource.manager);
  }

  /**
   * A moderator's decision on a held comment, in the caller's transaction. Exactly one decision wins:
   * the conditional UPDATE only matches a held comment, so a second one gets CONFLICT. Published, the
   * comment appears now: followers hear of it as of a new comment, once.
   */
  async decideHeld(
    m: EntityManager,
    actorId: string,
    id: string,
    status: 'PUBLISHED' | 'REJECTED' | 'SPAM',
  ): Promise<CommentEntity> {
    const comment = await comments.decideHeld(m, id, status);
    if (!comment) {
      const current = await comments.liveStatus(m, id);
      if (!current) throw new NotFoundError('Comment', 'commentId');
      throw new ConflictError(`This comment was already decided (${current}).`, 'commentId');
    }
    if (status === 'PUBLISHED') {
      const postAuthorId = await comments.postAuthorId(m, comment);
      await this.events.emit(m, {
        type: QA_EVENTS.commentPublished,
        actorId,
        payload: {
          commentId: comment.id,
          postType: comment.postType,
          postId: comment.postId,
          questionId: comment.questionId,
          authorId: comment.authorId,
          postAuthorId,
          approved: true,
        } satisfies CommentPublishedPayload,
      });
    }
    return comment;
  }

  /** Read model for moderation: members' comments by outcome (members without comments are absent). */
  countsByAuthor(authorIds: readonly string[]): Promise<comments.AuthorCommentCounts[]> {
    return comments.countsByAuthor(this.dataSource.manager, authorIds);
  }

  /** A page of a post's published comments, through the loaders. */
  async page(
    loaders: LoaderRegistry,
    postId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<CommentEntity>> {
    const size = pageSize(args.first);
    if (args.after) decodeCursor(args.after, 'comments', ['date', 'id']);
    if (!args.after && size < COMMENT_PREVIEW_SIZE) return toPage(await this.previewLoader(loaders).load(postId), size);
    return toPage(await this.pageLoader(loaders).load(`${postId}|${size + 1}|${args.after ?? ''}`), size);
  }
}

export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * What a bot that filled the honeypot gets back: a comment "held for moderation" that was never
 * stored. Silently dropping (rather than refusing) gives the bot no signal to adapt to, and a guest
 * comment is shown as held either way.
 */
function droppedComment(input: AddCommentInput, postType: QaPostType, questionId: string): CommentEntity {
  return Object.assign(new CommentEntity(), {
    id: randomUUID(),
    postType,
    postId: input.targetId,
    questionId,
    authorId: null,
    guestName: input.guestName ?? null,
    guestEmail: input.guestEmail ?? null,
    body: input.body,
    status: 'PENDING',
    holdReason: 'GUEST',
    createdAt: new Date(),
  });
}
