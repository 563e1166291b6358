/** Every content and account limit, shared by API validation and web forms. */
export const LIMITS = {
  handle: { min: 3, max: 24, pattern: /^[a-z0-9_-]+$/ },
  displayName: { min: 1, max: 60 },
  email: { max: 254 },
  password: { min: 10, max: 128 },
  question: {
    title: { min: 15, max: 150 },
    body: { min: 30, max: 30_000 },
    tags: { min: 1, max: 5 },
  },
  answer: { body: { min: 30, max: 30_000 } },
  comment: { body: { min: 15, max: 600 } },
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

/** Sign-in throttling: attempts allowed per window, per IP and per account. */
export const LOGIN_THROTTLE = { attempts: 5, windowSeconds: 60 } as const;

/** Access tokens are short-lived; the refresh cookie renews them. */
export const SESSION = { accessTokenMinutes: 15, refreshTokenDays: 30 } as const;

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
