import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { roleHasPermission } from '@crossroads/shared-domain';
import { PostingLimits, RateLimitedError, type PostingKind, type Principal } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { PostingActivityService } from '@crossroads/api-qa';

/** quality-bars.md "Rate limits for new accounts": during an account's first day. */
export const NEW_ACCOUNT_LIMITS = {
  /** How long an account counts as new. */
  periodSeconds: 86_400,
  questions: 3,
  answersAndComments: 20,
  secondsBetweenQuestions: 60,
} as const;

/**
 * New-account posting limits, counted in PostgreSQL from the member's own rows (every API instance
 * sees the same counts) inside the posting transaction. A per-member advisory lock serialises a new
 * member's concurrent posts, so parallel requests cannot all pass the same count. Rows later
 * deleted still count. Moderators and admins (appointed by an admin) are not limited.
 */
@Injectable()
export class NewAccountLimitsService extends PostingLimits {
  constructor(
    private readonly users: UsersService,
    private readonly posts: PostingActivityService,
  ) {
    super();
  }

  async check(m: EntityManager, author: Principal, kind: PostingKind): Promise<void> {
    if (roleHasPermission(author.role, 'post.hide')) return;
    const newFor = await this.users.secondsUntilAged(m, author.id, NEW_ACCOUNT_LIMITS.periodSeconds);
    if (newFor === null) return;
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`new-account-posts:${author.id}`]);
    const untilEstablished = Math.max(1, Math.ceil(newFor));
    if (kind === 'QUESTION') {
      const q = await this.posts.recentQuestions(m, author.id, NEW_ACCOUNT_LIMITS.periodSeconds);
      if (q.n >= NEW_ACCOUNT_LIMITS.questions) {
        throw new RateLimitedError(`New accounts can ask at most ${NEW_ACCOUNT_LIMITS.questions} questions during their first day.`, untilEstablished);
      }
      if (q.sinceLast !== null && q.sinceLast < NEW_ACCOUNT_LIMITS.secondsBetweenQuestions) {
        const wait = Math.min(NEW_ACCOUNT_LIMITS.secondsBetweenQuestions, Math.max(1, Math.ceil(NEW_ACCOUNT_LIMITS.secondsBetweenQuestions - q.sinceLast)));
        throw new RateLimitedError(`New accounts must wait ${NEW_ACCOUNT_LIMITS.secondsBetweenQuestions} seconds between questions.`, wait);
      }
      return;
    }
 const n = await this.posts.recentAnswersAndComments(m, author.id, NEW_ACCOUNT_LIMITS.periodSeconds);
    if (n >= NEW_ACCOUNT_LIMITS.answersAndComments) {
      throw new RateLimitedError(`New accounts can post at most ${NEW_ACCOUNT_LIMITS.answersAndComments} answers and comments during their first day.`, untilEstablished);
    }
  }
}
