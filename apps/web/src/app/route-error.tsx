import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to load (for example a chunk missing after a new release). */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <main id="main" className="page">
      <section className="message-page">
        <title>Something went wrong · Crossroads</title>
        <h1>Something went wrong</h1>
        <p>This page could not be shown{detail ? ` (${detail})` : ''}. Reloading usually helps.</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </section>
    </main>
  );
}
