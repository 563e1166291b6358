import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

/** Identifies a guest's browser for "one rating per browser": `<random id>.<HMAC-SHA256 of it>`. */
export const RATER_COOKIE = 'crossroads_rater';
const ONE_YEAR_MS = 365 * 86_400_000;

function signature(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`kb-rater:${id}`).digest('base64url');
}

/** The guest id in a valid cookie, or null (absent, malformed or forged). */
export function readRaterId(req: Pick<Request, 'cookies'>, secret: string): string | null {
  const raw = (req.cookies as Record<string, unknown> | undefined)?.[RATER_COOKIE];
  if (typeof raw !== 'string') return null;
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(raw);
  if (!match) return null;
  const expected = Buffer.from(signature(secret, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/** Sets a new signed guest id (httpOnly, SameSite=Lax, only sent to /graphql) and returns it. */
export function issueRaterId(res: Pick<Response, 'cookie'>, secret: string, secure: boolean): string {
  const id = randomUUID();
  const options: CookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/graphql', maxAge: ONE_YEAR_MS };
  res.cookie(RATER_COOKIE, `${id}.${signature(secret, id)}`, options);
  return id;
}

/** A guest's IP as stored for "one rating per IP": HMAC-SHA256 keyed with the server secret, so the IP itself is never kept. */
export function hashRaterIp(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`kb-rater-ip:${ip}`).digest('base64url');
}
