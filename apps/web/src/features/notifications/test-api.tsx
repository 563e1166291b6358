import { ApolloClient, ApolloLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { render } from '@testing-library/react';
import { print } from 'graphql';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Observable, Subject } from 'rxjs';
import { AuthSession, createCache, CrossroadsProvider } from '@crossroads/web-data-access';

export interface Request {
  operationName: string;
  variables: Record<string, unknown>;
  query: string;
}

export const member = {
  __typename: 'User',
  id: 'u1',
  handle: 'ada',
  displayName: 'Ada Lovelace',
  role: 'MEMBER',
  reputation: 10,
  createdAt: '2026-01-01T00:00:00.000Z',
  email: 'ada@example.com',
} as const;

/**
 * Renders `element` at `path` with a real Apollo Client (the app's cache policies) whose link
 * answers queries and mutations with `respond`, and whose subscriptions are pushed by the test
 * (`push(operationName, data)`). The viewer is `member` unless `signedIn` is false.
 */
export function renderWithApi(
  element: ReactNode,
  respond: (req: Request) => unknown,
  {
    path = '/',
    initial = path,
    routes = [],
    signedIn = true,
  }: { path?: string; initial?: string; routes?: RouteObject[]; signedIn?: boolean } = {},
) {
  const requests: Request[] = [];
  const channels = new Map<string, Subject<ApolloLink.Result>>();
  const channel = (name: string) => {
    let c = channels.get(name);
    if (!c) channels.set(name, (c = new Subject()));
    return c;
  };
  const link = new ApolloLink((operation) => {
    const def = getMainDefinition(operation.query);
    const req = {
      operationName: operation.operationName ?? '',
      variables: operation.variables,
      query: print(operation.query),
    };
    requests.push(req);
    if (def.kind === 'OperationDefinition' && def.operation === 'subscription')
      return channel(req.operationName).asObservable();
    return new Observable<ApolloLink.Result>((observer) => {
      // Answer on a later tick, as a network would.
      const timer = setTimeout(() => {
        try {
          const answer = req.operationName === 'Me' ? { data: { me: signedIn ? member : null } } : respond(req);
          observer.next(answer as ApolloLink.Result);
          observer.complete();
        } catch (e) {
          observer.error(e);
        }
      });
      return () => clearTimeout(timer);
    });
  });
  const client = new ApolloClient({ cache: createCache(), link });
  const session = new AuthSession({ refresher: async () => null });
  const router = createMemoryRouter([{ path, element }, ...routes], { initialEntries: [initial] });
  render(
    <CrossroadsProvider client={client} session={session}>
      <RouterProvider router={router} />
    </CrossroadsProvider>,
  );
  return {
    client,
    router,
    sent: (name: string) => requests.filter((r) => r.operationName === name),
    /** Delivers one subscription event to the page's `operationName` subscription. */
    push: (name: string, data: unknown) => channel(name).next({ data } as ApolloLink.Result),
    subscribed: (name: string) => channels.get(name)?.observed ?? false,
  };
}
