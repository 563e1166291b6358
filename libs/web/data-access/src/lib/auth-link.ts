import { ApolloLink } from '@apollo/client/link';
import { defer, from, mergeMap, of, type Observable } from 'rxjs';
import type { AuthSession } from './auth-session.js';

/** Operations that manage the session themselves: no bearer token, no retry. */
const SESSION_OPERATIONS = new Set(['Login', 'Register', 'RefreshSession', 'Logout']);

function isUnauthenticated(result: ApolloLink.Result): boolean {
  const errors = 'errors' in result ? result.errors : undefined;
  return Array.isArray(errors) && errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
}

/**
 * Adds `Authorization: Bearer` from the in-memory session. When the server refuses a token
 * (expired, revoked, signing key changed), renews it once and retries the operation.
 */
export function createAuthLink(session: AuthSession): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.operationName && SESSION_OPERATIONS.has(operation.operationName)) return forward(operation);

    const send = (token: string | null): Observable<ApolloLink.Result> => {
      operation.setContext(({ headers }) => {
        const next: Record<string, string> = { ...(headers as Record<string, string> | undefined) };
        if (token) next['authorization'] = `Bearer ${token}`;
        else delete next['authorization'];
        return { headers: next };
      });
      return forward(operation);
    };

    return defer(() => from(session.accessToken())).pipe(
      mergeMap((token) =>
        send(token).pipe(
          mergeMap((result) => {
            if (!token || !isUnauthenticated(result)) return of(result);
            return from(session.renewAfterRejection(token)).pipe(
              mergeMap((fresh) => (fresh && fresh !== token ? send(fresh) : of(result))),
            );
          }),
        ),
      ),
    );
  });
}
