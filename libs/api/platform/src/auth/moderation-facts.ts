import type { EntityManager } from 'typeorm';

/** A member's current suspension: `endsAt` null means forever. */
export interface ActiveSuspension {
  endsAt: Date | null;
}

/**
 * What the moderation context knows about a member, for other contexts (the Q&A comment hold
 * policy) that must not import it. The moderation module provides it; without it nobody is
 * suspended or marked as a spammer.
 */
export abstract class ModerationFacts {
  /** The member's active suspension, or null. Read with `manager` when given (inside a transaction). */
  abstract activeSuspension(userId: string, manager?: EntityManager): Promise<ActiveSuspension | null>;

  /** True while a moderator's SPAM decision holds the member's new comments. */
  abstract isSpamMarked(userId: string, manager?: EntityManager): Promise<boolean>;
}

/** "until <ISO date>" or "permanently", for messages. */
export function suspensionEndText(endsAt: Date | null): string {
  return endsAt ? `until ${endsAt.toISOString()}` : 'permanently';
}
