import { LIMITS } from '@crossroads/shared-domain';

const { min, max } = LIMITS.moderation.reason;

/** "3–500 characters", for the hint under a reason field. */
export const REASON_LENGTH = `${min}–${max} characters`;

/** The problem with a moderation reason (flag, close, hide, suspend), or null; empty is fine when optional. */
export function reasonProblem(text: string, required: boolean): string | null {
  const n = text.trim().length;
  if (!required && n === 0) return null;
  if (n < min) return `Give a reason of at least ${min} characters.`;
  if (n > max) return `The reason must be at most ${max} characters (now ${n}).`;
  return null;
}
