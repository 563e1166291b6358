import { StrictMode, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { CrossroadsProvider, createCrossroadsClient, hasSessionCookie } from '@crossroads/web-data-access';
import { RenderClockContext } from '@crossroads/web-ui';
import { routes } from './app/routes.js';
import { readSsrState } from './app/ssr-state.js';
import './styles.css';

/** Loads the lazy routes of this URL first: hydration must render what the server rendered, not a fallback. */
async function resolveLazyRoutes(all: RouteObject[]): Promise<void> {
  const matches = matchRoutes(all, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
}

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // A guest's home and question pages come rendered from the server (entry-server.tsx), with their
  // data. A member whose cookie the server did not see (a link from another site: it is SameSite=strict)
  // gets the app rendered afresh with their own data: the guest's HTML is replaced.
  const ssr = hasSessionCookie() ? null : readSsrState();
  const { client, session } = createCrossroadsClient({ initialState: ssr?.apollo });
  // Restore a signed-in session from the refresh cookie; requests wait for it.
  void session.start();

  const app = (router: ReturnType<typeof createBrowserRouter>): ReactNode => (
    <StrictMode>
      <CrossroadsProvider client={client} session={session}>
        <RouterProvider router={router} />
      </CrossroadsProvider>
    </StrictMode>
  );
  if (!ssr) {
    createRoot(root).render(app(createBrowserRouter(routes)));
    return;
  }
  await resolveLazyRoutes(routes);
  const router = createBrowserRouter(routes, { hydrationData: ssr.router });
  hydrateRoot(root, <RenderClockContext value={ssr.renderedAt}>{app(router)}</RenderClockContext>);
}

void start();
