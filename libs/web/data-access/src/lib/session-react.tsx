import { ApolloProvider, useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RegisterDocument,
  type LoginInput,
  type RegisterInput,
  type SessionUserFragment,
} from '../generated/graphql.js';
import type { AuthSession } from './auth-session.js';

const SessionContext = createContext<AuthSession | null>(null);

/** Provides Apollo Client and the auth session to the app. */
export function CrossroadsProvider({
  client,
  session,
  children,
}: {
  client: ApolloClient;
  session: AuthSession;
  children: ReactNode;
}) {
  return (
    <ApolloProvider client={client}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </ApolloProvider>
  );
}

export function useAuthSession(): AuthSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAuthSession needs a <CrossroadsProvider> above it.');
  return session;
}

/** The signed-in user (null for guests); `loading` until the session is known. */
export function useCurrentUser(): { user: SessionUserFragment | null; loading: boolean } {
  const { data, loading } = useQuery(MeDocument);
  return { user: data?.me ?? null, loading: loading && !data };
}

/** Signs in; rejects with the server's error (see formErrorsFrom). */
export function useSignIn() {
  const session = useAuthSession();
  const [login, { loading }] = useMutation(LoginDocument);
  const signIn = useCallback(
    async (input: LoginInput): Promise<SessionUserFragment> => {
      const { data } = await login({ variables: { input } });
      if (!data) throw new Error('login returned no data');
      session.signIn(data.login);
      return data.login.user;
    },
    [login, session],
  );
  return { signIn, loading };
}

/** Creates an account and signs it in; rejects with the server's error (see formErrorsFrom). */
export function useSignUp() {
  const session = useAuthSession();
  const [register, { loading }] = useMutation(RegisterDocument);
  const signUp = useCallback(
    async (input: RegisterInput): Promise<SessionUserFragment> => {
      const { data } = await register({ variables: { input } });
      if (!data) throw new Error('register returned no data');
      session.signIn(data.register);
      return data.register.user;
    },
    [register, session],
  );
  return { signUp, loading };
}

/** Revokes the refresh cookie, forgets the token and the cached private data. */
export function useSignOut() {
  const session = useAuthSession();
  const client = useApolloClient();
  return useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } catch {
      // Even when the server could not be told, this tab stops acting as the user.
    }
    session.signOut();
    await client.resetStore().catch(() => undefined);
  }, [client, session]);
}
