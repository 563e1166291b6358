import type { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_ISSUER } from '@crossroads/api-platform';

/**
 * Short-lived signed values of the OIDC flow, each with its own audience so that none passes for
 * another or for an access token: the browser's pending authorization (cookie), a link waiting for
 * the account's password, and a signed-in member's request to link a provider.
 */
export const OIDC_AUDIENCE = {
  authorization: 'crossroads:oidc-authorization',
  pendingLink: 'crossroads:oidc-pending-link',
  linkIntent: 'crossroads:oidc-link-intent',
} as const;

export const OIDC_TTL_SECONDS = { authorization: 600, pendingLink: 600, linkIntent: 120 } as const;

type Purpose = keyof typeof OIDC_AUDIENCE;

export function signOidcToken(jwt: JwtService, purpose: Purpose, payload: Record<string, unknown>): string {
  return jwt.sign(payload, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: OIDC_AUDIENCE[purpose],
    expiresIn: OIDC_TTL_SECONDS[purpose],
  });
}

/** The payload, or null when the value is missing, forged, expired or meant for another purpose. */
export function readOidcToken<T extends object>(
  jwt: JwtService,
  purpose: Purpose,
  token: string | undefined,
): T | null {
  if (!token) return null;
  try {
    return jwt.verify<T & object>(token, {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: OIDC_AUDIENCE[purpose],
    });
  } catch {
    return null;
  }
}
