import { SESSION, type Role } from '@crossroads/shared-domain';
import type { ActiveSuspension } from './moderation-facts.js';

/** Who is calling: the user as PostgreSQL knows them now (PrincipalResolver), not as the token said. */
export interface Principal {
  id: string;
  handle: string;
  /**
   * The role in force for this request. A suspended account holds no more than MEMBER's
   * permissions (it may read, and its writes are refused by the suspension check).
   */
  role: Role;
  /** The session family (refresh-token family) the access token belongs to. */
  sessionId?: string;
  /** The active suspension, or null; undefined for principals not made from a token (seeding). */
  suspension?: ActiveSuspension | null;
}

/** Claims of an access token. `sid` is the session (refresh-token family) it was issued for. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  handle: string;
  role: Role;
  iat?: number;
  exp?: number;
}

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'crossroads';
export const JWT_AUDIENCE = 'crossroads-api';
/** The longest life an access token may claim (exp - iat). */
export const ACCESS_TOKEN_MAX_SECONDS = SESSION.accessTokenMinutes * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claim rules beyond the signature (which the verifier checks, with algorithm, issuer, audience
 * and expiry): `sub` and `sid` are ids, `iat` and `exp` are present, and the token lives at most 15
 * minutes. A token signed with the key but minted for ten years is refused like a forged one.
 */
export function hasValidAccessClaims(
  claims: Partial<AccessTokenClaims> | null | undefined,
): claims is AccessTokenClaims & { iat: number; exp: number } {
  if (!claims || typeof claims !== 'object') return false;
  const { sub, sid, iat, exp } = claims;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) return false;
  if (!Number.isFinite(iat) || !Number.isFinite(exp)) return false;
  return (exp as number) > (iat as number) && (exp as number) - (iat as number) <= ACCESS_TOKEN_MAX_SECONDS;
}
