import type { NormalizedCacheObject } from '@apollo/client';
import type { HydrationState } from 'react-router';

/** The id of the `<script type="application/json">` a server-rendered page carries its state in. */
export const SSR_STATE_ID = 'crossroads-ssr';

/** What the server rendered a guest's page with (entry-server.tsx), for the browser to hydrate it with. */
export interface SsrState {
  /** The Apollo cache after the render (`client.extract()`). */
  apollo: NormalizedCacheObject;
  /** The server's clock at the render: times are formatted against it until hydrated (RelativeTime). */
  renderedAt: number;
  router: HydrationState;
}

/** The state of a server-rendered page, or null when the page was not rendered on the server. */
export function readSsrState(doc: Document = document): SsrState | null {
  const script = doc.getElementById(SSR_STATE_ID);
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as SsrState;
  } catch {
    return null;
  }
}
