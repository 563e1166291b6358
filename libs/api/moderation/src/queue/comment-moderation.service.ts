import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { byKeys, ConflictError, EventBus, NotFoundError, type LoaderRegistry, type Principal, decodeCursor, encodeCursor, inTransaction, pageSize, toPage, type Page } from '@crossroads/api-platform';
import { COMMENT_COLUMNS, QA_EVENTS, commentFromRow, type CommentPublishedPayload } from '@crossroads/api-qa';
import { ModerationLogService } from '../log/moderation-log.service.js';
import type { ModerateCommentInput, ModerationDecision } from './dto/moderate-comment.input.js';

type CommentRow = ReturnType<typeof commentFromRow>;

export const queueCursor = (c: CommentRow) => encodeCursor('moderationQueue', [c.createdAt, c.id]);

const STATUS_OF: Record<ModerationDecision, 'PUBLISHED' | 'REJECTED' | 'SPAM'> = { APPROVE: 'PUBLISHED', REJECT: 'REJECTED', SPAM: 'SPAM' };
const ACTION_OF = { APPROVE: 'APPROVE_COMMENT', REJECT: 'REJECT_COMMENT', SPAM: 'SPAM_COMMENT' } as const;

export interface AuthorHistory {
  approvedCount: number;
  rejectedCount: number;
  spamCount: number;
  memberSince: Date;
  accountAgeDays: number;
  spamMarked: boolean;
}

/** The held-comments queue and the decisions on it. */
@Injectable()
export class CommentModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ModerationLogService,
    private readonly events: EventBus,
  ) {}

  /** PENDING comments, oldest first (comments_status_created_idx), keyset on (created_at, id). */
  async queue(args: { first?: number | null; after?: string | null }): Promise<Page<CommentRow> & { totalCount: number }> {
    const size = pageSize(args.first);
    const params: unknown[] = [];
    let keyset = '';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 'moderationQueue', ['date', 'id']);
      params.push(createdAt, id);
      keyset = `AND (c.created_at, c.id) > ($1, $2)`;
    }
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.status = 'PENDING' AND c.deleted_at IS NULL ${keyset}
         ORDER BY c.created_at, c.id LIMIT ${size + 1}`,
        params,
      ) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM comments WHERE status = 'PENDING' AND deleted_at IS NULL`) as Promise<{ total: number }[]>,
    ]);
    return { ...toPage(rows.map(commentFromRow), size), totalCount: total };
  }

  /**
   * Exactly one decision wins: the conditional UPDATE only matches a PENDING comment, so a second
   * moderator deciding at the same time gets CONFLICT. SPAM marks the author; APPROVE clears the mark.
   */
  async decide(actor: Principal, input: ModerateCommentInput): Promise<CommentRow> {
    return inTransaction(this.dataSource, async (m) => {
      const [rows] = (await m.query(
        `UPDATE comments c SET status = $2, updated_at = now() WHERE c.id = $1 AND c.status = 'PENDING' AND c.deleted_at IS NULL RETURNING ${COMMENT_COLUMNS}`,
        [input.commentId, STATUS_OF[input.decision]],
      )) as [Record<string, unknown>[], number];
      if (!rows.length) {
        const [exists] = (await m.query(`SELECT status FROM comments WHERE id = $1 AND deleted_at IS NULL`, [input.commentId])) as { status: string }[];
        if (!exists) throw new NotFoundError('Comment', 'commentId');
        throw new ConflictError(`This comment was already decided (${exists.status}).`, 'commentId');
      }
      const comment = commentFromRow(rows[0]);
      if (comment.authorId && input.decision === 'SPAM') {
        await m.query(
          `INSERT INTO member_moderation (user_id, spam_marked_at, spam_marked_by) VALUES ($1, now(), $2)
           ON CONFLICT (user_id) DO UPDATE SET spam_marked_at = now(), spam_marked_by = $2`,
          [comment.authorId, actor.id],
        );
      } else if (comment.authorId && input.decision === 'APPROVE') {
        await m.query(`UPDATE member_moderation SET spam_marked_at = NULL, spam_marked_by = NULL WHERE user_id = $1 AND spam_marked_at IS NOT NULL`, [
          comment.authorId,
        ]);
      }
      await this.log.record(m, {
        actorId: actor.id,
        action: ACTION_OF[input.decision],
        targetType: 'COMMENT',
        targetId: comment.id,
        reason: input.reason ?? null,
        details: { authorId: comment.authorId, questionId: comment.questionId, holdReason: comment.holdReason },
      });
      if (input.decision === 'APPROVE') {
        // Approved, the comment appears now: followers hear of it as of a new comment, once.
        const [post] = (await m.query(`SELECT author_id AS "authorId" FROM ${comment.postType === 'QUESTION' ? 'questions' : 'answers'} WHERE id = $1`, [
          comment.postId,
        ])) as { authorId: string }[];
        await this.events.emit(m, {
          type: QA_EVENTS.commentPublished,
          actorId: actor.id,
          payload: {
            commentId: comment.id,
            postType: comment.postType,
            postId: comment.postId,
            questionId: comment.questionId,
            authorId: comment.authorId,
            postAuthorId: post.authorId,
            approved: true,
          } satisfies CommentPublishedPayload,
        });
      }
      return comment;
    });
  }

  /** Per-request: every author on a queue page in one grouped query (comments_author_status_idx). */
  historyLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AuthorHistory | null>('moderation.authorHistory', async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT u.id, u.created_at AS "memberSince",
                (SELECT count(*)::int FROM comments c WHERE c.author_id = u.id AND c.status = 'PUBLISHED') AS "approvedCount",
                (SELECT count(*)::int FROM comments c WHERE c.author_id = u.id AND c.status = 'REJECTED') AS "rejectedCount",
                (SELECT count(*)::int FROM comments c WHERE c.author_id = u.id AND c.status = 'SPAM') AS "spamCount",
                (mm.spam_marked_at IS NOT NULL) AS "spamMarked"
         FROM users u LEFT JOIN member_moderation mm ON mm.user_id = u.id WHERE u.id = ANY($1::uuid[])`,
        [[...ids]],
      )) as (AuthorHistory & { id: string })[];
      const now = Date.now();
      const histories = rows.map((r) => ({ ...r, accountAgeDays: Math.floor((now - new Date(r.memberSince).getTime()) / 86_400_000) }));
      return byKeys(ids, histories, (h) => h.id, null);
    });
  }
}
