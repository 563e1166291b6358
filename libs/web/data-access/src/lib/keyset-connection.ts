import type { FieldPolicy } from '@apollo/client';

interface Edge {
  cursor: string;
}
interface Connection {
  edges: Edge[];
  [key: string]: unknown;
}

/**
 * A field policy for a Relay-style connection paged by keyset cursors: one cache entry per
 * combination of `keyArgs`; a page fetched with `after` is appended to the cached edges (an edge
 * already present is not repeated), and the newest page's pageInfo and counts win. A fetch without
 * `after` replaces the list (a refetch of the first page).
 */
export function keysetConnection(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.['after']) return incoming;
      const seen = new Set(existing.edges.map((e) => e.cursor));
      return { ...incoming, edges: [...existing.edges, ...incoming.edges.filter((e) => !seen.has(e.cursor))] };
    },
  };
}
