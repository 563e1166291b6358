import type { Role } from '@crossroads/shared-domain';

/** Who is calling, as proven by a valid access token. */
export interface Principal {
  id: string;
  handle: string;
  role: Role;
}

/** Claims of an access token. */
export interface AccessTokenClaims {
  sub: string;
  handle: string;
  role: Role;
}

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'crossroads';
export const JWT_AUDIENCE = 'crossroads-api';
