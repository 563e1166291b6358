/** What a notification is about; the contract's NotificationType. */
export const NOTIFICATION_TYPES = [
  'ANSWER_POSTED',
  'COMMENT_POSTED',
  'ANSWER_ACCEPTED',
  'MENTION',
  'MENTORSHIP_REQUESTED',
  'MENTORSHIP_ANSWERED',
  'MENTORSHIP_EXPIRING',
  'MENTORSHIP_REVIEWED',
  'MODERATION_DECISION',
  'FOLLOWED_TAG_QUESTION',
  'FOLLOWED_QUESTION_ANSWER',
  'MATCHED_QUESTION',
  'MENTORSHIP_MESSAGE',
  'MENTORSHIP_SESSION',
  'MENTORSHIP_SESSION_REMINDER',
  'MENTORSHIP_REMINDER',
  'MENTORSHIP_CHECK_IN',
  'MENTORSHIP_ENDED',
  'MENTORSHIP_CONDUCT',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const EMAIL_FREQUENCIES = ['INSTANT', 'DAILY', 'WEEKLY', 'OFF'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export const FOLLOW_TARGET_TYPES = ['TAG', 'QUESTION', 'MENTOR'] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];

/**
 * Watching: every answer and comment (for tags and mentors: new questions / posts); Tracking: replies
 * to you and mentions; Watching first post: new questions only (tags); Normal: only what is
 * addressed to you; Muted: nothing at all, whatever else applies.
 */
export const FOLLOW_LEVELS = ['WATCHING', 'TRACKING', 'WATCHING_FIRST_POST', 'NORMAL', 'MUTED'] as const;
export type FollowLevel = (typeof FOLLOW_LEVELS)[number];

/** Levels that count as following (followerCount, viewerFollows). */
export const FOLLOWING_LEVELS: readonly FollowLevel[] = ['WATCHING', 'TRACKING', 'WATCHING_FIRST_POST'];

/**
 * Defaults when a member has not chosen (no row in notification_settings). In-app is on for every
 * type; email is instant for what is addressed to the member personally (answers and comments on
 * their posts, acceptance, mentions, mentorship, moderation decisions) and a daily digest for what
 * comes from following (followed questions and tags, matched questions). Votes are not notified.
 */
export const DEFAULT_SETTINGS: Record<NotificationType, { inApp: boolean; email: EmailFrequency }> = {
  ANSWER_POSTED: { inApp: true, email: 'INSTANT' },
  COMMENT_POSTED: { inApp: true, email: 'INSTANT' },
  ANSWER_ACCEPTED: { inApp: true, email: 'INSTANT' },
  MENTION: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_REQUESTED: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_ANSWERED: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_EXPIRING: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_REVIEWED: { inApp: true, email: 'INSTANT' },
  MODERATION_DECISION: { inApp: true, email: 'INSTANT' },
  FOLLOWED_TAG_QUESTION: { inApp: true, email: 'DAILY' },
  FOLLOWED_QUESTION_ANSWER: { inApp: true, email: 'DAILY' },
  MATCHED_QUESTION: { inApp: true, email: 'DAILY' },
  MENTORSHIP_MESSAGE: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_SESSION: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_SESSION_REMINDER: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_REMINDER: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_CHECK_IN: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_ENDED: { inApp: true, email: 'INSTANT' },
  MENTORSHIP_CONDUCT: { inApp: true, email: 'INSTANT' },
};
