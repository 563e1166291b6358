import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  byKeys,
  type LoaderRegistry,
  type Principal,
  encodeCursor,
  inTransaction,
  type Page,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { CommentsService } from '@crossroads/api-qa';
import { ModerationLogService } from '../log/moderation-log.service.js';
import * as suspensions from '../suspensions/suspensions.repository.js';
import type { ModerateCommentInput, ModerationDecision } from './dto/moderate-comment.input.js';

type CommentRow = Awaited<ReturnType<CommentsService['decideHeld']>>;

export const queueCursor = (c: CommentRow) => encodeCursor('moderationQueue', [c.createdAt, c.id]);

const STATUS_OF: Record<ModerationDecision, 'PUBLISHED' | 'REJECTED' | 'SPAM'> = {
  APPROVE: 'PUBLISHED',
  REJECT: 'REJECTED',
  SPAM: 'SPAM',
};
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
    private readonly comments: CommentsService,
    private readonly users: UsersService,
  ) {}

  /** PENDING comments, oldest first, keyset on (created_at, id). */
  queue(args: { first?: number | null; after?: string | null }): Promise<Page<CommentRow> & { totalCount: number }> {
    return this.comments.heldPage(args);
  }

  /**
   * Exactly one decision wins: the conditional UPDATE only matches a PENDING comment, so a second
   * moderator deciding at the same time gets CONFLICT. SPAM marks the author; APPROVE clears the mark.
   */
  async decide(actor: Principal, input: ModerateCommentInput): Promise<CommentRow> {
    return inTransaction(this.dataSource, async (m) => {
      const comment = await this.comments.decideHeld(m, actor.id, input.commentId, STATUS_OF[input.decision]);
      if (comment.authorId && input.decision === 'SPAM') {
        await suspensions.markSpam(m, comment.authorId, actor.id);
      } else if (comment.authorId && input.decision === 'APPROVE') {
        await suspensions.clearSpamMark(m, comment.authorId);
      }
      await this.log.record(m, {
        actorId: actor.id,
        action: ACTION_OF[input.decision],
        targetType: 'COMMENT',
        targetId: comment.id,
        reason: input.reason ?? null,
        details: { authorId: comment.authorId, questionId: comment.questionId, holdReason: comment.holdReason },
      });
      return comment;
    });
  }

  /**
   * Per-request: the history of every author on a queue page: their comments by outcome (qa's read
   * model), the SPAM mark (ours), and when they joined from accounts' per-request user loader, which
   * the page's author field has already filled.
   */
  historyLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AuthorHistory | null>('moderation.authorHistory', async (ids) => {
      const [counts, marked, accounts] = await Promise.all([
        this.comments.countsByAuthor(ids),
        suspensions.spamMarked(this.dataSource.manager, ids),
        this.users.loader(loaders).loadMany(ids),
      ]);
      const countsOf = new Map(counts.map((c) => [c.authorId, c]));
      const now = Date.now();
      const histories = accounts.flatMap((user) =>
        user && !(user instanceof Error)
          ? [
              {
                id: user.id,
                approvedCount: countsOf.get(user.id)?.approvedCount ?? 0,
                rejectedCount: countsOf.get(user.id)?.rejectedCount ?? 0,
                spamCount: countsOf.get(user.id)?.spamCount ?? 0,
                memberSince: user.createdAt,
                accountAgeDays: Math.floor((now - new Date(user.createdAt).getTime()) / 86_400_000),
                spamMarked: marked.has(user.id),
              },
            ]
          : [],
      );
      return byKeys(ids, histories, (h) => h.id, null);
    });
  }
}
