import { ApolloLink } from '@apollo/client/link';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { OperationTypeNode } from 'graphql';

/** sha256 in hex through Web Crypto (a secure context: https, or localhost/127.0.0.1). */
async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether this browser can hash persisted queries (Web Crypto exists only in secure contexts). */
export function canPersistQueries(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

function isGuestQuery(operation: ApolloLink.Operation): boolean {
  const context = operation.getContext();
  const headers = context['headers'] as Record<string, string> | undefined;
  // `privateRead`: variables that are secrets (held-comment tokens) stay out of URLs and shared caches.
  return operation.operationType === OperationTypeNode.QUERY && !headers?.['authorization'] && !context['privateRead'];
}

/**
 * A guest's queries go as persisted queries over GET (the document's sha256 instead of its text,
 * falling back to POST with the text the first time a server does not know it), so the API's
 * anonymous cache, nginx and a CDN can answer them by URL. The browser revalidates every time
 * (`cache: 'no-cache'` sends its ETag and gets a 304 when nothing changed): its own copy hears no
 * invalidation. Signed-in requests (an Authorization header, set by the auth link before this one),
 * queries marked `context: { privateRead: true }` and mutations stay POSTs.
 */
export function guestReadsLink(http: ApolloLink): ApolloLink {
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
  const guestHeaders = new ApolloLink((operation, forward) => {
    operation.setContext(
      ({ headers, fetchOptions }: { headers?: Record<string, string>; fetchOptions?: RequestInit }) => ({
        // Apollo Server's CSRF prevention refuses a GET without this header.
        headers: { ...headers, 'apollo-require-preflight': 'true' },
        fetchOptions: { ...fetchOptions, cache: 'no-cache' },
      }),
    );
    return forward(operation);
  });
  return ApolloLink.split(isGuestQuery, ApolloLink.from([guestHeaders, persisted, http]), http);
}
