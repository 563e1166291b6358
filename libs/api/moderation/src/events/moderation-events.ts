import type { FlagPostType, FlagReason } from '../flags/flag.entity.js';
import type { ModerationAction, ModerationTarget } from '../log/moderation-log.entity.js';

/** What the moderation context announces, through the platform's EventBus. */
export const MODERATION_EVENTS = {
  /** Any entry of the audit log: a decision on a comment or post, a suspension, a role change, … */
  actionRecorded: 'moderation.action.recorded',
  /** A member flagged a post. */
  flagRaised: 'moderation.flag.raised',
  /** A moderator decided a flagged post: its open flags are resolved. */
  flagsResolved: 'moderation.flags.resolved',
} as const;

export interface FlagRaisedPayload {
  flagId: string;
  postType: FlagPostType;
  postId: string;
  reason: FlagReason;
}

export interface FlagsResolvedPayload {
  postId: string;
  /** The flags this decision resolved. */
  flagIds: string[];
  decision: 'DISMISS' | 'HIDE';
}

export interface ModerationActionPayload {
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
}
