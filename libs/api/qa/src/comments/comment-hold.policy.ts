import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ModerationFacts, ModerationWordList, suspensionEndText, type Principal } from '@crossroads/api-platform';
import { hasPublishedComment } from './comments.repository.js';

/**
 * The built-in moderation word list: used when no ModerationWordList is provided. The moderation
 * context provides the admin-edited list (permission `moderation.words.edit`), seeded with these.
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

export type HoldReason = 'GUEST' | 'FIRST_COMMENT' | 'LINKS' | 'WORD_LIST' | 'SPAM_MARKED';

export type HoldDecision =
  { outcome: 'publish' } | { outcome: 'hold'; reason: HoldReason } | { outcome: 'refuse'; message: string };

export type CommentAuthorFacts =
  | { kind: 'guest' }
  | { kind: 'member'; suspended: boolean; hasApprovedComment: boolean; spamMarked?: boolean; suspendedText?: string };

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
  if (author.suspended)
    return {
      outcome: 'refuse',
      message: `Your account is suspended${author.suspendedText ? ` ${author.suspendedText}` : ''}: you cannot comment.`,
    };
  if (author.spamMarked) return { outcome: 'hold', reason: 'SPAM_MARKED' };
  if (!author.hasApprovedComment) return { outcome: 'hold', reason: 'FIRST_COMMENT' };
  if (countLinks(body) >= 2) return { outcome: 'hold', reason: 'LINKS' };
  if (matchesWordList(body, words)) return { outcome: 'hold', reason: 'WORD_LIST' };
  return { outcome: 'publish' };
}

/** Gathers the facts the rules need (in the comment's transaction) and applies them. */
@Injectable()
export class CommentHoldPolicy {
  constructor(
    @Optional() private readonly facts?: ModerationFacts,
    @Optional() private readonly wordList?: ModerationWordList,
  ) {}

  async decide(manager: EntityManager, author: Principal | null, body: string): Promise<HoldDecision> {
    if (!author) return decideCommentHold({ kind: 'guest' }, body, []);
    const suspension = await this.isAuthorSuspended(manager, author.id);
    if (suspension)
      return decideCommentHold(
        { kind: 'member', suspended: true, hasApprovedComment: false, suspendedText: suspension.text },
        body,
        [],
      );
    const spamMarked = (await this.facts?.isSpamMarked(author.id, manager)) ?? false;
    const hasApprovedComment = await hasPublishedComment(manager, author.id);
    const words = await this.moderationWords(manager);
    return decideCommentHold({ kind: 'member', suspended: false, spamMarked, hasApprovedComment }, body, words);
  }

  /** The author's active suspension (from the moderation context's ModerationFacts), or null. */
  protected async isAuthorSuspended(manager: EntityManager, userId: string): Promise<{ text: string } | null> {
    const suspension = await this.facts?.activeSuspension(userId, manager);
    return suspension ? { text: suspensionEndText(suspension.endsAt) } : null;
  }

  /** The admin-edited word list (from the moderation context's ModerationWordList), else the default. */
  protected moderationWords(manager: EntityManager): Promise<readonly string[]> {
    return this.wordList ? this.wordList.words(manager) : Promise.resolve(DEFAULT_MODERATION_WORDS);
  }
}
