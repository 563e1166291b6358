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
} as const;

/** Sign-in throttling: attempts allowed per window, per IP and per account. */
export const LOGIN_THROTTLE = { attempts: 5, windowSeconds: 60 } as const;

/** Access tokens are short-lived; the refresh cookie renews them. */
export const SESSION = { accessTokenMinutes: 15, refreshTokenDays: 30 } as const;
