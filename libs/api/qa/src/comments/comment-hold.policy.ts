import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@crossroads/api-platform';

/**
 * The moderation word list until the moderation issue makes it admin-editable (permission
 * `moderation.words.edit`): then `moderationWords()` reads the stored list instead.
 */
export const DEFAULT_MODERATION_WORDS: readonly string[] = [
  'viagra',
  'cialis',
  'casino',
  'porn',
  'escort',
  'payday loan',
  'crypto giveaway',
  'bitcoin doubler',
  'work from home and earn',
];

export type HoldReason = 'GUEST' | 'FIRST_COMMENT' | 'LINKS' | 'WORD_LIST';

export type HoldDecision = { outcome: 'publish' } | { outcome: 'hold'; reason: HoldReason } | { outcome: 'refuse'; message: string };

export type CommentAuthorFacts = { kind: 'guest' } | { kind: 'member'; suspended: boolean; hasApprovedComment: boolean };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

export function countLinks(body: string): number {
  return body.match(LINK)?.length ?? 0;
}

/** Whole-word (or whole-phrase), case-insensitive match against the word list. */
export function matchesWordList(body: string, words: readonly string[]): boolean {
  const terms = words.map((w) => w.trim()).filter(Boolean);
  if (!terms.length) return false;
  const escaped = terms.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'iu').test(body);
}

/**
 * product.md "Comment moderation", first match wins:
 * 1. guest → held; 2. suspended author → refused; 3. no previously approved comment → held;
 * 4. two or more links, or a word-list match → held; 5. otherwise published.
 */
export function decideCommentHold(author: CommentAuthorFacts, body: string, words: readonly string[]): HoldDecision {
  if (author.kind === 'guest') return { outcome: 'hold', reason: 'GUEST' };
  if (author.suspended) return { outcome: 'refuse', message: 'Your account is suspended: you cannot comment.' };
  if (!author.hasApprovedComment) return { outcome: 'hold', reason: 'FIRST_COMMENT' };
  if (countLinks(body) >= 2) return { outcome: 'hold', reason: 'LINKS' };
  if (matchesWordList(body, words)) return { outcome: 'hold', reason: 'WORD_LIST' };
  return { outcome: 'publish' };
}

/** Gathers the facts the rules need (in the comment's transaction) and applies them. */
@Injectable()
export class CommentHoldPolicy {
  async decide(manager: EntityManager, author: Principal | null, body: string): Promise<HoldDecision> {
    if (!author) return decideCommentHold({ kind: 'guest' }, body, []);
    const suspended = await this.isAuthorSuspended(manager, author.id);
    if (suspended) return decideCommentHold({ kind: 'member', suspended, hasApprovedComment: false }, body, []);
    const [approved] = (await manager.query(`SELECT 1 FROM comments WHERE author_id = $1 AND status = 'PUBLISHED' LIMIT 1`, [author.id])) as unknown[];
    const words = await this.moderationWords(manager);
    return decideCommentHold({ kind: 'member', suspended, hasApprovedComment: Boolean(approved) }, body, words);
  }

  /**
   * HOOK for the moderation issue (suspensions): return true while the user is suspended. There
   * are no suspensions yet, so nobody is.
   */
  protected isAuthorSuspended(_manager: EntityManager, _userId: string): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** HOOK for the moderation issue: the admin-edited word list will be read here. */
  protected moderationWords(_manager: EntityManager): Promise<readonly string[]> {
    return Promise.resolve(DEFAULT_MODERATION_WORDS);
  }
}
