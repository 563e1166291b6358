import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { MeDocument } from '../generated/graphql.js';
import { createAuthLink } from './auth-link.js';
import { AuthSession, type Refresher } from './auth-session.js';
import { createCookieRefresher } from './cookie-refresher.js';
import { keysetConnection } from './keyset-connection.js';

export interface CrossroadsClientOptions {
  /** GraphQL endpoint; same origin by default (the API serves the web app). */
  uri?: string;
  fetch?: typeof fetch;
  /** Replaces the cookie refresher (tests). */
  refresher?: Refresher;
}

export interface CrossroadsClient {
  client: ApolloClient;
  session: AuthSession;
}

/**
 * The normalized cache. Keyset-paged connections are cached per filter (keyArgs) and a page
 * fetched with `after` is appended to the one already there (see keysetConnection).
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Tag: { keyFields: ['name'] },
      // Mentor profiles have no id of their own: they live inside their User and merge there.
      MentorProfile: { merge: true },
      // A profile's lists, and a question's answers ("Load more answers"; PostRevisions asks another `first`).
      User: { fields: { questions: keysetConnection([]), answers: keysetConnection([]) } },
      Question: { fields: { answers: keysetConnection(['first']) } },
      Query: {
        fields: {
          questions: keysetConnection(['sort', 'tag', 'search']),
          tags: keysetConnection(['query']),
          moderationQueue: keysetConnection([]),
          flagQueue: keysetConnection([]),
          moderationLog: keysetConnection(['actorHandle', 'action', 'targetId']),
          articleFeedbackList: keysetConnection(['status', 'articleId']),
          mentors: keysetConnection(['expertise', 'industry', 'certification', 'acceptingRequests', 'search']),
          mentorshipRequests: keysetConnection(['side']),
          matchedQuestions: keysetConnection([]),
        },
      },
    },
  });
}

/**
 * The Apollo Client and the session that feeds it tokens. Call `session.start()` at app load to
 * restore a signed-in session from the refresh cookie (requests wait for it).
 */
export function createCrossroadsClient(options: CrossroadsClientOptions = {}): CrossroadsClient {
  const uri = options.uri ?? '/graphql';
  const session = new AuthSession({ refresher: options.refresher ?? createCookieRefresher({ uri, fetch: options.fetch }) });
  const client = new ApolloClient({
    cache: createCache(),
    link: ApolloLink.from([createAuthLink(session), new HttpLink({ uri, fetch: options.fetch, credentials: 'same-origin' })]),
  });

  session.subscribe((event) => {
    if (event.type === 'signed-in') {
      client.cache.writeQuery({ query: MeDocument, data: { me: event.user } });
    } else {
      // Signed out elsewhere (revoked, expired): drop private data and refetch as a guest.
      void client.resetStore().catch(() => undefined);
    }
  });

  return { client, session };
}
