import type { PostingKind } from '@crossroads/api-platform';

/** quality-bars.md "Rate limits for new accounts": during an account's first day. */
export const NEW_ACCOUNT_LIMITS = {
  /** How long an account counts as new. */
  periodSeconds: 86_400,
  questions: 3,
  answersAndComments: 20,
  secondsBetweenQuestions: 60,
} as const;

/** A new account's posts of the kind's family during its new period. */
export interface NewAccountPosts {
  /** Seconds until the account stops being new. */
  newForSeconds: number;
  /** Questions (for QUESTION), else answers and comments together. */
  count: number;
  /** Seconds since its latest question (QUESTION only; null: none yet). */
  secondsSinceLastQuestion?: number | null;
}

export interface NewAccountRefusal {
  message: string;
  retryAfterSeconds: number;
}

/** Whether a new account may post one more of `kind`; the refusal says why and when to retry. */
export function newAccountRefusal(kind: PostingKind, posts: NewAccountPosts): NewAccountRefusal | null {
  const untilEstablished = Math.max(1, Math.ceil(posts.newForSeconds));
  const { questions, answersAndComments, secondsBetweenQuestions } = NEW_ACCOUNT_LIMITS;
  if (kind === 'QUESTION') {
    if (posts.count >= questions)
      return {
        message: `New accounts can ask at most ${questions} questions during their first day.`,
        retryAfterSeconds: untilEstablished,
      };
    const since = posts.secondsSinceLastQuestion;
    if (since !== null && since !== undefined && since < secondsBetweenQuestions) {
      return {
        message: `New accounts must wait ${secondsBetweenQuestions} seconds between questions.`,
        retryAfterSeconds: Math.min(secondsBetweenQuestions, Math.max(1, Math.ceil(secondsBetweenQuestions - since))),
      };
    }
    return null;
  }
  if (posts.count >= answersAndComments) {
    return {
      message: `New accounts can post at most ${answersAndComments} answers and comments during their first day.`,
      retryAfterSeconds: untilEstablished,
    };
  }
  return null;
}
