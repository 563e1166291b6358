import type { ModerationAction, ModerationTarget } from '../log/moderation-log.entity.js';

/** What the moderation context announces, through the platform's EventBus. */
export const MODERATION_EVENTS = {
  /** Any entry of the audit log: a decision on a comment or post, a suspension, a role change, … */
  actionRecorded: 'moderation.action.recorded',
} as const;

export interface ModerationActionPayload {
  action: ModerationAction;
  targetType: ModerationTarget;
  targetId: string;
  reason: string | null;
  details: Record<string, unknown>;
}
