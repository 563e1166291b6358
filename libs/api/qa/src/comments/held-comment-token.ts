import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What lets the author of a held comment see it again after a reload (guests have no account to
 * ask with): `<comment id>.<HMAC-SHA256 of it>`, given once in addComment's answer. It shows that
 * one comment while it waits, and nothing else.
 */
function signature(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`held-comment:${id}`).digest('base64url');
}

export function heldCommentToken(secret: string, id: string): string {
  return `${id}.${signature(secret, id)}`;
}

/** The comment id of a valid token, or null (malformed or forged). */
export function heldCommentId(secret: string, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(signature(secret, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}
