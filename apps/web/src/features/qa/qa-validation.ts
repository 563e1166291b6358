import { LIMITS } from '@crossroads/shared-domain';

export const ASK_FIELDS = ['title', 'body', 'tags'] as const;
export type AskField = (typeof ASK_FIELDS)[number];

function length(label: string, value: string, { min, max }: { min: number; max: number }): string | undefined {
  const n = value.trim().length;
  if (n === 0) return `${label} is required.`;
  if (n < min) return `${label} must be at least ${min} characters (now ${n}).`;
  if (n > max)
    return `${label} must be at most ${max.toLocaleString('en')} characters (now ${n.toLocaleString('en')}).`;
  return undefined;
}

/** One tag name against the shared rules; null when it is fine. */
export function tagProblem(name: string): string | null {
  const { min, max, pattern } = LIMITS.tag;
  if (name.length < min || name.length > max) return `Tag “${name}” must be ${min}–${max} characters.`;
  if (!pattern.test(name)) return `Tag “${name}” may use only a–z, 0–9, +, #, . and -.`;
  return null;
}

export function validateAsk(values: {
  title: string;
  body: string;
  tags: readonly string[];
}): Partial<Record<AskField, string>> {
  const q = LIMITS.question;
  const tagCount = values.tags.length;
  return {
    title: length('Title', values.title, q.title),
    body: length('Body', values.body, q.body),
    tags:
      tagCount < q.tags.min
        ? `Add at least ${q.tags.min} tag.`
        : tagCount > q.tags.max
          ? `Use at most ${q.tags.max} tags.`
          : (values.tags.map(tagProblem).find(Boolean) ?? undefined),
  };
}

export function validateAnswer(body: string): string | undefined {
  return length('Your answer', body, LIMITS.answer.body);
}

export const COMMENT_FIELDS = ['body', 'guestName', 'guestEmail'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export function validateComment(
  values: Record<CommentField, string>,
  guest: boolean,
): Partial<Record<CommentField, string>> {
  const problems: Partial<Record<CommentField, string>> = { body: length('Comment', values.body, LIMITS.comment.body) };
  if (guest) {
    problems.guestName = length('Name', values.guestName, LIMITS.guestName);
    const email = values.guestEmail.trim();
    problems.guestEmail = !email
      ? 'Email is required.'
      : email.length > LIMITS.email.max || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
        ? 'Enter an email address like name@example.com.'
        : undefined;
  }
  return problems;
}
