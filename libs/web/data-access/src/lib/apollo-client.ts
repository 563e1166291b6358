import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';
import { MeDocument } from '../generated/graphql.js';
import { createAuthLink } from './auth-link.js';
import { AuthSession, type Refresher } from './auth-session.js';
import { createCookieRefresher } from './cookie-refresher.js';
import { canPersistQueries, guestReadsLink } from './guest-reads-link.js';
import { keysetConnection } from './keyset-connection.js';
import { createLiveClient, liveUrl, splitLiveLink } from './live-link.js';

export interface CrossroadsClientOptions {
  /** GraphQL endpoint; same origin by default (the API serves the web app). */
  uri?: string;
  fetch?: typeof fetch;
  /** Replaces the cookie refresher (tests). */
  refresher?: Refresher;
  /**
   * WebSocket class for subscriptions (graphql-ws); the browser's by default. Without one
   * (Node, tests) subscriptions are not available and everything goes over HTTP.
   */
  webSocketImpl?: unknown;
  /** Base URL that a relative `uri` resolves against for the socket; the page's location by default. */
  baseUrl?: string;
  /** A guest's queries as persisted queries over GET (guest-reads-link.ts); on where Web Crypto is. */
  guestGet?: boolean;
  /** The cache as the server rendered the page with it (`cache.extract()`): its queries need no request. */
  initialState?: NormalizedCacheObject;
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
      // One setting per type: a saved setting replaces the one in the list.
      NotificationSetting: { keyFields: ['type'] },
      // Mentor profiles have no id of their own: they live inside their User and merge there.
      MentorProfile: { merge: true },
      // A profile's lists, and a question's answers ("Load more answers"; PostRevisions asks another `first`).
      User: { fields: { questions: keysetConnection([]), answers: keysetConnection([]) } },
      Question: { fields: { answers: keysetConnection(['first']) } },
      // The private thread of a mentorship, newest first: older pages append.
      MentorshipRequest: { fields: { messages: keysetConnection(['first']) } },
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
          notifications: keysetConnection(['unreadOnly']),
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
  const session = new AuthSession({
    refresher: options.refresher ?? createCookieRefresher({ uri, fetch: options.fetch }),
  });
  const transport = new HttpLink({ uri, fetch: options.fetch, credentials: 'same-origin' });
  const http = ApolloLink.from([
    createAuthLink(session),
    (options.guestGet ?? canPersistQueries()) ? guestReadsLink(transport) : transport,
  ]);
  const webSocketImpl = options.webSocketImpl ?? globalThis.WebSocket;
  const base = options.baseUrl ?? globalThis.location?.href;
  // Events may have been missed while the socket was down: what the page shows is asked again, so
  // counts heal and new posts appear.
  const onReconnected = () => void client.refetchQueries({ include: 'active' });
  const link =
    webSocketImpl && base
      ? splitLiveLink(createLiveClient({ url: liveUrl(uri, base), session, webSocketImpl, onReconnected }), http)
      : http;
  const cache = createCache();
  if (options.initialState) cache.restore(options.initialState);
  const client: ApolloClient = new ApolloClient({ cache, link });

  session.subscribe((event) => {
    if (event.type === 'signed-in') {
      client.cache.writeQuery({ query: MeDocument, data: { me: event.user } });
    } else if (event.type === 'ended') {
      // Signed out elsewhere (revoked, expired): drop private data and refetch as a guest.
      void client.resetStore().catch(() => undefined);
    }
  });

  return { client, session };
}
