import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { SESSION, SESSION_HINT_COOKIE } from '@crossroads/shared-domain';

export const REFRESH_COOKIE = 'crossroads_refresh';

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/graphql' };
}

/**
 * The "has session" hint beside the refresh cookie: readable by the web app (not httpOnly) and
 * holding no secret, only "1". Without it the app knows there is nothing to refresh and makes no
 * refresh call. Its path is "/" (the refresh cookie's "/graphql" would hide it from the pages).
 */
function hintOptions(secure: boolean): CookieOptions {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/' };
}

export function setRefreshCookie(res: Response, token: string, secure: boolean): void {
  const maxAge = SESSION.refreshTokenDays * 86_400_000;
  res.cookie(REFRESH_COOKIE, token, { ...options(secure), maxAge });
  res.cookie(SESSION_HINT_COOKIE, '1', { ...hintOptions(secure), maxAge });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, options(secure));
  res.clearCookie(SESSION_HINT_COOKIE, hintOptions(secure));
}

export function readRefreshCookie(req: Pick<Request, 'cookies'>): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * For browsers signed in before the hint existed: a request to /graphql that carries the refresh
 * cookie but no hint gets the hint, so the next page load restores the session instead of
 * skipping the refresh. If the refresh cookie has meanwhile expired, that one refresh fails and
 * clears the hint.
 */
export function sessionHintBackfill(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const cookies = req.cookies as Record<string, unknown> | undefined;
    if (readRefreshCookie(req) && cookies?.[SESSION_HINT_COOKIE] === undefined) {
      res.cookie(SESSION_HINT_COOKIE, '1', { ...hintOptions(secure), maxAge: SESSION.refreshTokenDays * 86_400_000 });
    }
    next();
  };
}
