import type { EntityManager } from 'typeorm';
import type { Principal } from './principal.js';

/** What a member is about to post: questions and answers/comments have separate limits. */
export type PostingKind = 'QUESTION' | 'ANSWER' | 'COMMENT';

/**
 * New-account posting limits (quality-bars.md), checked by the Q&A services inside the posting
 * transaction, before the insert. Throws RATE_LIMITED (RateLimitedError) with the wait when the
 * member may not post now. The moderation module provides it; without it nothing is limited.
 */
export abstract class PostingLimits {
  abstract check(manager: EntityManager, author: Principal, kind: PostingKind): Promise<void>;
}

/**
 * The moderation word list (admin-editable), for the Q&A comment hold policy. The moderation module
 * provides it; without it the policy falls back to its built-in default list.
 */
export abstract class ModerationWordList {
  abstract words(manager?: EntityManager): Promise<readonly string[]>;
}
