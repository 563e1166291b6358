import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { roleHasPermission } from '@crossroads/shared-domain';
import { PostingLimits, RateLimitedError, type PostingKind, type Principal } from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { PostingActivityService } from '@crossroads/api-qa';
import { NEW_ACCOUNT_LIMITS, newAccountRefusal, type NewAccountPosts } from './new-account-limits.policy.js';

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
    let posts: NewAccountPosts;
    if (kind === 'QUESTION') {
      const q = await this.posts.recentQuestions(m, author.id, NEW_ACCOUNT_LIMITS.periodSeconds);
      posts = { newForSeconds: newFor, count: q.n, secondsSinceLastQuestion: q.sinceLast };
    } else {
      posts = {
        newForSeconds: newFor,
        count: await this.posts.recentAnswersAndComments(m, author.id, NEW_ACCOUNT_LIMITS.periodSeconds),
      };
    }
    const refusal = newAccountRefusal(kind, posts);
    if (refusal) throw new RateLimitedError(refusal.message, refusal.retryAfterSeconds);
  }
}
