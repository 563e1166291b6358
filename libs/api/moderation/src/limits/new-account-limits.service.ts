import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { roleHasPermission } from '@crossroads/shared-domain';
import { PostingLimits, RateLimitedError, type PostingKind, type Principal } from '@crossroads/api-platform';
import { NEW_ACCOUNT_LIMITS, newAccountRefusal, type NewAccountPosts } from './new-account-limits.policy.js';

/**
 * New-account posting limits, counted in PostgreSQL from the member's own rows (every API instance
 * sees the same counts) inside the posting transaction. A per-member advisory lock serialises a new
 * member's concurrent posts, so parallel requests cannot all pass the same count. Rows later
 * deleted still count. Moderators and admins (appointed by an admin) are not limited.
 */
@Injectable()
export class NewAccountLimitsService extends PostingLimits {
  async check(m: EntityManager, author: Principal, kind: PostingKind): Promise<void> {
    if (roleHasPermission(author.role, 'post.hide')) return;
    const [account] = (await m.query(
      `SELECT extract(epoch FROM created_at + make_interval(secs => $2) - now())::float8 AS "newFor"
       FROM users WHERE id = $1 AND created_at > now() - make_interval(secs => $2)`,
      [author.id, NEW_ACCOUNT_LIMITS.periodSeconds],
    )) as { newFor: number }[];
    if (!account) return;
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`new-account-posts:${author.id}`]);
    const since = `now() - make_interval(secs => $2)`;
    let posts: NewAccountPosts;
    if (kind === 'QUESTION') {
      const [q] = (await m.query(
        `SELECT count(*)::int AS n, extract(epoch FROM clock_timestamp() - max(created_at))::float8 AS "sinceLast"
         FROM questions WHERE author_id = $1 AND created_at > ${since}`,
        [author.id, NEW_ACCOUNT_LIMITS.periodSeconds],
      )) as { n: number; sinceLast: number | null }[];
      posts = { newForSeconds: account.newFor, count: q.n, secondsSinceLastQuestion: q.sinceLast };
    } else {
      const [p] = (await m.query(
        `SELECT (SELECT count(*) FROM answers WHERE author_id = $1 AND created_at > ${since})::int
              + (SELECT count(*) FROM comments WHERE author_id = $1 AND created_at > ${since})::int AS n`,
        [author.id, NEW_ACCOUNT_LIMITS.periodSeconds],
      )) as { n: number }[];
      posts = { newForSeconds: account.newFor, count: p.n };
    }
    const refusal = newAccountRefusal(kind, posts);
    if (refusal) throw new RateLimitedError(refusal.message, refusal.retryAfterSeconds);
  }
}
