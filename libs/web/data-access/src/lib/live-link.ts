import { ApolloLink } from '@apollo/client/link';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import type { AuthSession } from './auth-session.js';

/** The API closes a socket whose token expired (or was revoked) with this code. */
export const UNAUTHORIZED_CLOSE = 4401;
/** What the client sees instead of 4401: graphql-ws gives up on 4401, but a renewed token may connect. */
const RENEW_CLOSE = 4498;

const MAX_RETRY_WAIT_MS = 30_000;

export interface LiveClientOptions {
  /** `ws://` or `wss://` URL of the GraphQL endpoint. */
  url: string;
  session: AuthSession;
  /** Called after the socket came back from a drop: refetch what the page shows, events may have been missed. */
  onReconnected?: () => void;
  /** A WebSocket class (tests on Node); the browser's by default. */
  webSocketImpl?: unknown;
  /** Backoff before retry number `retries` (0-based); exponential with jitter, capped at 30 s, by default. */
  retryWait?: (retries: number) => Promise<void>;
}

/** 1 s, 2 s, 4 s … capped at 30 s, plus up to 1 s of jitter so reconnecting tabs do not stampede. */
export function backoffDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.floor(random() * 1000);
}

/**
 * Wraps a WebSocket class so a 4401 close reaches graphql-ws as a retryable close, after telling
 * `onUnauthorized`; the next connection attempt then renews the token first.
 */
function renewingSocket(Base: typeof WebSocket, onUnauthorized: () => void): typeof WebSocket {
  return class RenewingWebSocket extends Base {
    override get onclose(): ((this: WebSocket, ev: CloseEvent) => unknown) | null {
      return super.onclose;
    }
    override set onclose(handler: ((this: WebSocket, ev: CloseEvent) => unknown) | null) {
      super.onclose = handler
        ? function (this: WebSocket, event: CloseEvent) {
            if (event.code !== UNAUTHORIZED_CLOSE) return handler.call(this, event);
            onUnauthorized();
            return handler.call(this, {
              code: RENEW_CLOSE,
              reason: event.reason || 'Unauthorized',
              wasClean: event.wasClean,
            } as CloseEvent);
          }
        : null;
    }
  };
}

/**
 * The graphql-ws client behind subscriptions. Each (re)connection sends the session's current
 * access token in `connection_init` (`{ authorization: "Bearer …" }`; none for guests); a 4401
 * close renews the session and reconnects; any other drop reconnects with exponential backoff,
 * forever; after a reconnect `onReconnected` runs so the page refetches what it may have missed.
 * Sign-in, sign-out and a change of user reconnect, so the socket always speaks for the tab's user.
 */
export function createLiveClient(options: LiveClientOptions): Client {
  const { session } = options;
  let renewFrom: string | null = null;
  let sentToken: string | null = null;
  let mustRenew = false;
  /** The user the tab is signed in as (null: guest). */
  let userId: string | null = null;
  /** The user the open socket speaks for; undefined while no socket is open. */
  let socketUser: string | null | undefined;
  const Base = (options.webSocketImpl ?? globalThis.WebSocket) as typeof WebSocket;

  const client = createClient({
    url: options.url,
    webSocketImpl: renewingSocket(Base, () => {
      mustRenew = true;
      renewFrom = sentToken;
    }),
    lazy: true,
    retryAttempts: Infinity,
    // Network errors and server restarts alike: keep trying, the backoff keeps it polite.
    shouldRetry: () => true,
    retryWait: options.retryWait ?? ((retries) => new Promise((resolve) => setTimeout(resolve, backoffDelay(retries)))),
    connectionParams: async () => {
      let token: string | null;
      if (mustRenew && renewFrom) {
        mustRenew = false;
        token = await session.renewAfterRejection(renewFrom);
      } else {
        mustRenew = false;
        token = await session.accessToken();
      }
      sentToken = token;
      socketUser = token ? userId : null;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      closed: () => {
        socketUser = undefined;
      },
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) options.onReconnected?.();
      },
    },
  });

  // Reconnect when the tab's user changes (sign-in, sign-out, another account); a silent refresh
  // of the same user's token does not (a 4401 renews it when the server asks).
  session.subscribe((event) => {
    userId = event.type === 'signed-in' ? event.user.id : null;
    if (socketUser !== undefined && socketUser !== userId) client.terminate();
  });
  return client;
}

function isSubscription(operation: ApolloLink.Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/** Subscriptions over the live socket, everything else over `http`. */
export function splitLiveLink(live: Client, http: ApolloLink): ApolloLink {
  return ApolloLink.split(isSubscription, new GraphQLWsLink(live), http);
}

/** `/graphql` on this page's origin as a WebSocket URL (`wss:` under https). */
export function liveUrl(uri: string, base: string): string {
  const url = new URL(uri, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
