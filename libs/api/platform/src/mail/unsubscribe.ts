import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Who stops getting what: the scope is opaque here, its handler knows what it means. */
export interface UnsubscribePayload {
  userId: string;
  scope: string;
  /** Expiry, seconds since the epoch; absent: the link does not expire. */
  exp?: number;
}

/**
 * The port a context implements to honour one-click unsubscribes for the scopes it puts in its
 * emails (e.g. notifications: `notification:ANSWER_POSTED`, `digest:weekly`). It runs in the
 * request's transaction and must be idempotent (the same link may be clicked twice).
 */
export interface UnsubscribeHandler {
  /** True when this handler owns `scope`. */
  handles(scope: string): boolean;
  unsubscribe(m: EntityManager, userId: string, scope: string): Promise<void>;
  /** A short phrase for the confirmation page, e.g. "emails about new answers". */
  describe(scope: string): string;
}

/** Handlers register here at module init; the unsubscribe endpoint looks the scope up. */
@Injectable()
export class UnsubscribeHandlers {
  private readonly handlers: UnsubscribeHandler[] = [];

  register(handler: UnsubscribeHandler): void {
    this.handlers.push(handler);
  }

  find(scope: string): UnsubscribeHandler | undefined {
    return this.handlers.find((h) => h.handles(scope));
  }
}

/** Links stay valid for 180 days: long enough for an old email, short enough to age out leaks. */
export const UNSUBSCRIBE_LINK_DAYS = 180;

/** A key of its own, derived from JWT_SECRET with a distinct label: an access token can never pass as a link. */
export function unsubscribeKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'crossroads', 'crossroads/unsubscribe-link/v1', 32));
}

/** `<payload>.<signature>`, both base64url; the payload is readable, not secret. */
export function signUnsubscribeToken(key: Buffer, payload: UnsubscribePayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

export type TokenCheck = { ok: true; payload: UnsubscribePayload } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyUnsubscribeToken(key: Buffer, token: string, now = Date.now()): TokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const p = payload as Partial<UnsubscribePayload>;
  if (typeof p.userId !== 'string' || typeof p.scope !== 'string' || (p.exp !== undefined && typeof p.exp !== 'number'))
    return { ok: false, reason: 'invalid' };
  if (p.exp !== undefined && p.exp * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, payload: { userId: p.userId, scope: p.scope, ...(p.exp !== undefined ? { exp: p.exp } : {}) } };
}
