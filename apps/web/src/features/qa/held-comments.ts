/**
 * Tokens of one's own held comments, kept in this browser (localStorage) so that they still show,
 * with their notice, after a reload: a guest has no account to ask with. Each token shows one
 * comment while it waits for moderation (the API's heldComments), and nothing else.
 */
const KEY = 'crossroads.heldComments';
const KEEP_DAYS = 30;
/** LIMITS.comment.heldTokensMax in the API: the newest are kept. */
const KEEP_MAX = 50;

interface Stored {
  token: string;
  targetId: string;
  at: number;
}

function read(): Stored[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    const since = Date.now() - KEEP_DAYS * 86_400_000;
    return parsed.filter(
      (s): s is Stored =>
        typeof s?.token === 'string' && typeof s?.targetId === 'string' && typeof s?.at === 'number' && s.at > since,
    );
  } catch {
    return [];
  }
}

function write(list: Stored[]): void {
  try {
    if (list.length === 0) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(list.slice(-KEEP_MAX)));
  } catch {
    // Storage full or refused (private mode): the comment still shows until the page is left.
  }
}

export function rememberHeldComment(targetId: string, token: string): void {
  write([...read().filter((s) => s.token !== token), { token, targetId, at: Date.now() }]);
}

export function heldCommentTokens(targetId: string): string[] {
  return read()
    .filter((s) => s.targetId === targetId)
    .map((s) => s.token);
}

/** Forgets tokens whose comments were decided or removed (the API no longer lists them). */
export function forgetHeldComments(tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const gone = new Set(tokens);
  write(read().filter((s) => !gone.has(s.token)));
}
