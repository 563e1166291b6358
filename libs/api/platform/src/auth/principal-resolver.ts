import type { AccessTokenClaims, Principal } from './principal.js';

/**
 * Turns the verified claims of an access token into the principal as the database knows it now:
 * the user exists, the session family (`sid`) is alive, the current role and suspension. Null
 * refuses the token. One indexed statement per call and no cache: callers memoise per request
 * (the access guard, per HTTP request) or per connection/message (subscriptions). The accounts
 * module provides it; platform does not import accounts.
 */
export abstract class PrincipalResolver {
  abstract resolve(claims: AccessTokenClaims): Promise<Principal | null>;
}

/**
 * The moderation context's share of the principal lookup, so it stays one statement over tables
 * owned by two contexts: SQL on moderation's own table that the accounts lookup joins LATERAL.
 * The moderation module provides it; without it nobody is suspended.
 */
export abstract class ActiveSuspensionSql {
  /**
   * A SELECT of at most one row, columns `suspended` (true) and `ends_at` (timestamptz, null for
   * "until lifted"): the active suspension of the user whose id is the SQL expression `userId`.
   */
  abstract forUser(userId: string): string;
}
