import { LIMITS } from '@crossroads/shared-domain';

/** `@handle` mentions in a Markdown body (not inside e-mail addresses or code spans), distinct, lower-cased, at most LIMITS.notifications.mentionsPerPost. */
export function mentionedHandles(body: string): string[] {
  const text = body.replace(/`[^`]*`/g, ' ');
  const found = new Set<string>();
  for (const match of text.matchAll(/(^|[^\w@.])@([a-z0-9_-]{3,24})\b/gi)) {
    found.add(match[2].toLowerCase());
    if (found.size >= LIMITS.notifications.mentionsPerPost) break;
  }
  return [...found];
}
