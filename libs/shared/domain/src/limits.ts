import type { Role } from './roles.js';

/** Every content and account limit, shared by API validation and web forms. */
export const LIMITS = {
  handle: { min: 3, max: 24, pattern: /^[a-z0-9_-]+$/ },
  displayName: { min: 1, max: 60 },
  email: { max: 254 },
  password: { min: 12, max: 128 },
  /** The member's own profile (issue 15): bio is Markdown, links are http(s) URLs. */
  profile: { bio: { max: 2_000 }, location: { max: 100 }, links: { max: 5, itemMax: 200 } },
  question: {
    title: { min: 15, max: 150 },
    body: { min: 30, max: 30_000 },
    tags: { min: 1, max: 5 },
  },
  answer: { body: { min: 30, max: 30_000 } },
  /** heldTokensMax: held comments a browser may ask to see again at once (heldComments). */
  comment: { body: { min: 15, max: 600 }, heldTokensMax: 50 },
  tag: { min: 2, max: 25, pattern: /^[a-z0-9+#.-]+$/, description: { max: 500 } },
  guestName: { min: 1, max: 60 },
  /** Free-text search: query length, and how many of the newest matches are ranked. */
  search: { max: 200, rankedCandidates: 1_000 },
  similarQuestions: { titleMin: 3, defaultSize: 5, maxSize: 10 },
  page: { defaultSize: 20, maxSize: 50 },
  /** Notifications: mentions honoured per post, and how early mentors hear that a request is about to expire. */
  notifications: { mentionsPerPost: 10, expiringReminderHours: 24 },
  /** Mentor profiles, mentorship requests and reviews. */
  mentoring: {
    headline: { min: 10, max: 120 },
    bio: { max: 5_000 },
    yearsExperience: { min: 0, max: 60 },
    industries: { max: 10, itemMax: 60 },
    certifications: { max: 15, itemMin: 2, itemMax: 60 },
    expertise: { min: 1, max: 10 },
    links: { max: 5, itemMax: 300 },
    maxOpenRequests: { min: 1, max: 20, default: 5 },
    requestMessage: { min: 20, max: 2_000 },
    responseMessage: { max: 2_000 },
    rating: { min: 1, max: 5 },
    review: { max: 1_000 },
    reply: { max: 1_000 },
    search: { max: 200 },
    /** A PENDING request not answered within this many days is EXPIRED. */
    requestExpiryDays: 7,
    suggestions: { defaultSize: 3, maxSize: 10 },
    reviewsOnProfile: { defaultSize: 5, maxSize: 20 },
    /** The mentor of a request still PENDING after this many hours is reminded, once. */
    reminderAfterHours: 48,
    /** "Usually replies within …": the median over requests answered in this many days. */
    responseWindowDays: 90,
    /** Outcome check-ins: days after acceptance, and days after the mentorship was completed. */
    checkInDays: [30, 60, 90],
    afterEndCheckInDays: 90,
    roleReached: { max: 120 },
    /** Mentor profiles show outcomes only from this many answers on (never one person's answer). */
    outcomesMinAnswers: 5,
    /** No-shows and late cancellations by a mentor: this many within windowDays pause new requests for pauseDays. */
    conduct: { windowDays: 30, pauseThreshold: 2, pauseDays: 14 },
    appealMessage: { min: 20, max: 2_000 },
  },
  /** The mentorship workspace (issue 19): thread, shared plan, availability and sessions. */
  mentorshipWorkspace: {
    message: { min: 1, max: 5_000 },
    goal: { max: 300 },
    plan: { max: 5_000 },
    availabilityWindows: { max: 28 },
    availabilityExceptions: { max: 90 },
    /** Session lengths a mentee may book, in minutes. */
    sessionMinutes: [30, 45, 60],
    /** Slots start every this many minutes from a window's start (in the mentor's zone). */
    slotStepMinutes: 30,
    bookableDays: { default: 14, min: 1, max: 31 },
    /** Sessions are booked at most this many days ahead (and slots are offered no further). */
    bookingHorizonDays: 60,
    /** Thread messages one member may write per window, across their mentorships. */
    messageThrottle: { points: 30, windowSeconds: 600 },
    /** A reported message is shown to moderators with this many messages either side of it. */
    reportContextMessages: 3,
    reportReason: { min: 3, max: 500 },
    /** Cancelling less than this many hours before the start is a late cancellation. */
    lateCancelHours: 3,
    /** A participant may be marked a no-show from this many minutes after the start. */
    noShowAfterMinutes: 10,
    /** Reminders before each scheduled session. */
    reminderHours: [24, 1],
  },
  /** Moderation: the reason a decision is logged with, and the admin's held-words list. */
  moderation: {
    reason: { min: 3, max: 500 },
    words: { max: 500, word: { min: 2, max: 60 } },
    suspensionDays: { min: 1, max: 3_650 },
  },
  /** Knowledge base: topics, articles, ratings, feedback and the combined search. */
  knowledgeBase: {
    slug: { min: 2, max: 80, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ },
    topicName: { min: 2, max: 80 },
    topicDescription: { max: 500 },
    title: { min: 5, max: 150 },
    summary: { max: 300 },
    body: { min: 50, max: 60_000 },
    tags: { max: 5 },
    stars: { min: 1, max: 5 },
    feedback: { min: 10, max: 2_000 },
    /** Feedback messages allowed per window, per IP and per signed-in user. */
    feedbackThrottle: { points: 5, windowSeconds: 600 },
    search: { defaultSize: 5, maxSize: 20 },
    relatedQuestions: { defaultSize: 5, maxSize: 10 },
  },
} as const;

/** Certifications offered as choices on a mentor profile (free text is accepted for others). */
export const KNOWN_CERTIFICATIONS = [
  'PMP',
  'CAPM',
  'PgMP',
  'PfMP',
  'PRINCE2 Foundation',
  'PRINCE2 Practitioner',
  'PMI-ACP',
  'SAFe',
  'CSM',
  'P3O',
  'MSP',
] as const;

/**
 * Every string argument and input field, at the GraphQL layer: no NUL, no unpaired surrogate, and at
 * most this many characters (UTF-16 units), also where no field limit is set. The largest field
 * limit (a guide article's body) is below it.
 */
export const INPUT_STRINGS = { maxLength: 100_000 } as const;

/**
 * Full-text searches (questions, the knowledge-base search box, similar questions, the mentor
 * directory's words) allowed per window and client address; SEARCH_RATE_LIMIT overrides the number.
 */
export const SEARCH_THROTTLE = { perMinute: 30, windowSeconds: 60 } as const;

/** Sign-in throttling: attempts allowed per window, per IP and per account. */
export const LOGIN_THROTTLE = { attempts: 5, windowSeconds: 60 } as const;

/** Email: at most this many non-critical messages (notifications, digests) per recipient in 24 hours; password and security mail are exempt. */
export const MAIL_LIMITS = { dailyNonCriticalPerRecipient: 100 } as const;

/**
 * Which notification becomes an email, when: nothing while the person was active in the last
 * `awayMinutes`; digests only to people who have not visited in the period, never after
 * `digestStopDays` without a visit, with at most `digestMaxItems` entries; guest follow-up
 * confirmation links last `followUpLinkDays`.
 */
export const NOTIFICATION_EMAIL = {
  awayMinutes: 10,
  digestStopDays: 180,
  digestMaxItems: 50,
  excerptChars: 280,
  followUpLinkDays: 7,
} as const;

/** Access tokens are short-lived; the refresh cookie renews them. */
export const SESSION = { accessTokenMinutes: 15, refreshTokenDays: 30 } as const;

/** The readable "has session" cookie set and cleared with the httpOnly refresh cookie (value "1", no secret). */
export const SESSION_HINT_COOKIE = 'cr_session';

/**
 * Trust bars (product.md, Moderation). An account is established once it is at least
 * `establishedDays` old; flags count toward hiding only from an established account that also has
 * `establishedReputation`, while votes earn reputation once the voter has either.
 */
export const TRUST = {
  establishedDays: 3,
  establishedReputation: 15,
  /** A trusted member's flag weighs 2; a trusted author's post is never hidden by members' flags. */
  trustedReputation: 1_000,
  flagWeight: { member: 1, trusted: 2 },
  /** A post is hidden, until a moderator decides, once its counting flags weigh this much. */
  flagHideWeight: 3,
} as const;

/**
 * Anti-abuse limits, counted in PostgreSQL so every API instance shares them. Registration per IP
 * can be raised for test rigs with REGISTRATION_LIMIT_PER_HOUR.
 */
export const ABUSE_LIMITS = {
  registrationsPerIp: { points: 5, windowSeconds: 3_600 },
  guestCommentsPerIp: { points: 5, windowSeconds: 3_600 },
  guestCommentsPerEmail: { points: 3, windowSeconds: 3_600 },
} as const;

/** Links sent by email for account self-service (issue 15): how long they work, and request limits. */
export const ACCOUNT_LINKS = {
  passwordReset: {
    validMinutes: 60,
    perIp: { points: 10, windowSeconds: 3_600 },
    perAddress: { points: 3, windowSeconds: 3_600 },
  },
  emailVerification: { validMinutes: 7 * 24 * 60, resendPerAccount: { points: 3, windowSeconds: 3_600 } },
  emailChange: { validMinutes: 60, perAccount: { points: 3, windowSeconds: 3_600 } },
} as const;

/** Leaving: how long a deleted account can be restored by signing in before its personal data is erased. */
export const ACCOUNT_DELETION = { graceDays: 7 } as const;

/** What the trust rules need to know about an account. */
export interface AccountStanding {
  role: Role;
  reputation: number;
  createdAt: Date;
}

const accountAgeDays = (a: AccountStanding, now: Date) => (now.getTime() - a.createdAt.getTime()) / 86_400_000;

/** Votes earn their post's author reputation once the voter has 15 reputation or a 3-day-old account. */
export function votesEarnReputation(voter: AccountStanding, now = new Date()): boolean {
  return voter.reputation >= TRUST.establishedReputation || accountAgeDays(voter, now) >= TRUST.establishedDays;
}

/** Flags count toward hiding from a 3-day-old account with 15 reputation (moderators always). */
export function flagsCountTowardHiding(flagger: AccountStanding, now = new Date()): boolean {
  if (flagger.role === 'MODERATOR' || flagger.role === 'ADMIN') return true;
  return flagger.reputation >= TRUST.establishedReputation && accountAgeDays(flagger, now) >= TRUST.establishedDays;
}

/**
 * Live updates (GraphQL subscriptions over graphql-ws): what one connection, one member and one
 * address may hold open. Counted per API instance (see README "Live updates").
 */
export const LIVE_LIMITS = { subscriptionsPerConnection: 20, connectionsPerUser: 10, connectionsPerIp: 50 } as const;

/** WebSocket close codes of the live transport, beside graphql-ws's own (4400, 4408, 4409, …). */
export const LIVE_CLOSE_CODES = {
  /** The access token is invalid, expired (closed at its `exp`), or its session was signed out. */
  unauthorized: 4401,
  /** The principal lost a permission an open subscription needs (role changed, suspended). */
  forbidden: 4403,
  /** Too many connections for this member or address. */
  tooManyConnections: 4429,
} as const;
