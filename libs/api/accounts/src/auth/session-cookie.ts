import type { CookieOptions, Request, Response } from 'express';
import { SESSION } from '@crossroads/shared-domain';

export const REFRESH_COOKIE = 'crossroads_refresh';

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/graphql' };
}

export function setRefreshCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(REFRESH_COOKIE, token, { ...options(secure), maxAge: SESSION.refreshTokenDays * 86_400_000 });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, options(secure));
}

export function readRefreshCookie(req: Pick<Request, 'cookies'>): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value ? value : undefined;
}
