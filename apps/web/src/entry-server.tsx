/**
 * Server rendering of guests' public pages (built by `vite build --ssr` into dist/apps/web/.ssr and
 * loaded by the API, libs/api/platform/src/http/web-app.middleware.ts). The same components as the
 * browser app, rendered with the data a guest would fetch; the HTML carries the Apollo cache so the
 * browser hydrates without asking again (main.tsx).
 */
import { StrictMode, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { ApolloClient, HttpLink, type DocumentNode, type NormalizedCacheObject } from '@apollo/client';
import { getApolloContext, type useQuery } from '@apollo/client/react';
import { wrapperSymbol } from '@apollo/client/react/internal';
import { prerenderStatic } from '@apollo/client/react/ssr';
import {
  AuthSession,
  CrossroadsProvider,
  createCache,
  MeDocument,
  QuestionFeedDocument,
  QuestionPageDocument,
} from '@crossroads/web-data-access';
import { RenderClockContext } from '@crossroads/web-ui';
import { routes } from './app/routes.js';
import { feedVariables } from './features/qa/home-page.js';
import { SSR_STATE_ID, type SsrState } from './app/ssr-state.js';

/** A query a page's components run, with the variables they run it with. */
interface PageQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/**
 * Pages worth rendering on the server: the ones guests land on. A search (`?q=`) is not: its
 * per-address limit would count the server. The home page reads `sort` and `tag` only (any other
 * parameter is left to the browser, so no one can make renders by varying it); a question page
 * reads no parameter, so its renders are kept by path.
 *
 * `queries` are what the page's components ask for (the header's `Me` included): fetched before
 * the one render, so it needs no discovery pass. A render that still finds a query missing falls
 * back to Apollo's discovery renders (`prerenderStatic`).
 */
const PAGES: Array<{
  match: (url: URL) => boolean;
  key: (url: URL) => string;
  queries: (url: URL) => PageQuery[];
  module: string;
  sample: string;
}> = [
  {
    match: (u) => u.pathname === '/' && [...u.searchParams.keys()].every((k) => k === 'sort' || k === 'tag'),
    key: (u) => u.pathname + u.search,
    queries: (u) => [{ query: QuestionFeedDocument, variables: feedVariables(u.searchParams) }],
    module: 'src/features/qa/home-page.tsx',
    sample: '/',
  },
  {
    match: (u) => /^\/q\/[^/]+\/?$/.test(u.pathname),
    key: (u) => u.pathname,
    queries: (u) => [{ query: QuestionPageDocument, variables: { id: decodeURIComponent(u.pathname.split('/')[2]) } }],
    module: 'src/features/qa/question-page.tsx',
    sample: '/q/0',
  },
];

/** Vite's build manifest (`.vite/manifest.json`): source module → built file and the chunks it imports. */
export type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>;

export interface RenderOptions {
  /** The page's URL: path and query (`/q/123?x`). */
  url: string;
  /** index.html as built: the page is rendered into its #root. */
  template: string;
  manifest: Manifest;
  /** The API's GraphQL endpoint, reached as a guest (the anonymous cache answers most reads). */
  graphqlUrl: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** Loads the pages' modules (their lazy routes) ahead of the first guest, who would otherwise wait for them. */
export async function warm(): Promise<void> {
  const handler = createStaticHandler(routes);
  await Promise.all(PAGES.map((p) => handler.query(new Request(new URL(p.sample, 'http://localhost')))));
}

/** Whether `url` is a page rendered on the server for guests. */
export function rendersOnServer(url: string): boolean {
  const u = new URL(url, 'http://x');
  return PAGES.some((p) => p.match(u));
}

/**
 * The route chunk's files and the chunks it imports, and their stylesheets (CSS modules of the
 * library: without them the page would paint unstyled until its script loads), minus what the
 * entry already loads.
 */
function routeAssets(manifest: Manifest, module: string): { scripts: string[]; styles: string[] } {
  const walk = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(key)) return;
    into.add(key);
    for (const i of chunk.imports ?? []) walk(i, into);
  };
  const initial = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key, initial);
  const route = new Set<string>();
  walk(module, route);
  const chunks = [...route].filter((k) => !initial.has(k)).map((k) => manifest[k]);
  const initialCss = new Set([...initial].flatMap((k) => manifest[k].css ?? []));
  return {
    scripts: chunks.map((c) => c.file),
    styles: [...new Set(chunks.flatMap((c) => c.css ?? []))].filter((f) => !initialCss.has(f)),
  };
}

/**
 * Escapes JSON for a `<script type="application/json">`: no `<`, `>` or `&` (so no `</script>` or
 * `<!--` can end or change the element), nor the line separators some parsers treat as newlines.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Renders `tree` once from the cache as it is, or returns null when a query it runs is not in the
 * cache (it would render loading). Told through Apollo's hook wrappers, as `prerenderStatic` is.
 */
function renderOnce(tree: ReactNode): string | null {
  let complete = true;
  const check = (use: typeof useQuery) =>
    ((...args: Parameters<typeof useQuery>) => {
      const result = use(...args);
      if (result.loading) complete = false;
      return result;
    }) as typeof useQuery;
  const ApolloContext = getApolloContext();
  const html = renderToString(
    <ApolloContext value={{ [wrapperSymbol]: { useQuery: check } } as never}>{tree}</ApolloContext>,
  );
  return complete ? html : null;
}

/** A page rendered earlier, with the GraphQL requests it made and the answers it was rendered from. */
interface Rendered {
  html: string;
  at: number;
  requests: string[];
  answers: string[];
}

/** Renders kept per URL (the newest are kept), and how long one may be reused at most (its times are relative). */
const RENDERS_KEPT = 100;
const RENDER_MAX_AGE_MS = 60_000;
const renders = new Map<string, Rendered>();

const GRAPHQL_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json,application/json;q=0.9',
};

function hasErrors(answer: string): boolean {
  try {
    const body = JSON.parse(answer) as { errors?: unknown[]; data?: unknown };
    return Boolean(body.errors?.length) || !body.data;
  } catch {
    return true;
  }
}

async function post(options: RenderOptions, body: string): Promise<string> {
  const res = await (options.fetch ?? fetch)(options.graphqlUrl, {
    method: 'POST',
    headers: GRAPHQL_HEADERS,
    body,
    signal: options.signal,
  });
  return res.text();
}

/**
 * The full HTML document of a guest's page, or null when `url` is not rendered on the server or
 * the router answered otherwise (a redirect): the caller then sends the plain index.html.
 *
 * An earlier render of the URL is sent again when the same GraphQL requests get the same answers
 * (byte for byte: the anonymous cache's, until a write drops them): the page is then what a render
 * would produce, and rendering it again would cost more than the requests. The requests are always
 * made, so a question page still counts its view.
 */
export async function renderPage(options: RenderOptions): Promise<string | null> {
  const url = new URL(options.url, 'http://localhost');
  const page = PAGES.find((p) => p.match(url));
  if (!page) return null;
  const key = page.key(url);

  // Answers already fetched for this render (the check of an earlier one): not asked twice.
  const fetched = new Map<string, string>();
  const earlier = renders.get(key);
  if (earlier && Date.now() - earlier.at < RENDER_MAX_AGE_MS) {
    const answers = await Promise.all(earlier.requests.map((body) => post(options, body)));
    if (answers.every((a, i) => a === earlier.answers[i])) return earlier.html;
    earlier.requests.forEach((body, i) => fetched.set(body, answers[i]));
  }
  const requests: string[] = [];
  const answers: string[] = [];
  let failed = false;
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : null;
    if (body === null) return (options.fetch ?? fetch)(input, init);
    const known = fetched.get(body);
    fetched.delete(body);
    let text: string;
    try {
      text = known ?? (await post(options, body));
    } catch (e) {
      failed = true;
      throw e;
    }
    requests.push(body);
    answers.push(text);
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };

  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(url, { signal: options.signal }));
  if (context instanceof Response) return null;
  const router = createStaticRouter(handler.dataRoutes, context);

  const client = new ApolloClient({
    cache: createCache(),
    link: new HttpLink({ uri: options.graphqlUrl, fetch: recordingFetch }),
    ssrMode: true,
  });
  // The page's data first, all at once (a failed query, e.g. a question not found, is checked below).
  let queries: PageQuery[];
  try {
    queries = [{ query: MeDocument, variables: {} }, ...page.queries(url)];
  } catch {
    return null; // a path that does not decode
  }
  await Promise.all(queries.map((q) => client.query(q).catch(() => undefined)));
  if (options.signal?.aborted) return null;
  if (failed || answers.some(hasErrors)) return null;

  // A guest: no session to restore.
  const session = new AuthSession({ refresher: () => Promise.resolve(null) });
  const renderedAt = Date.now();
  const tree = (
    <RenderClockContext value={renderedAt}>
      <StrictMode>
        <CrossroadsProvider client={client} session={session}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </CrossroadsProvider>
      </StrictMode>
    </RenderClockContext>
  );
  let result = renderOnce(tree);
  if (result === null) {
    // A component asked for a query the page does not list: Apollo's discovery renders fetch it.
    ({ result } = await prerenderStatic({ tree, renderFunction: renderToString, signal: options.signal }));
  }
  if (options.signal?.aborted) return null;
  // Errors (a question not found, the API unreachable) do not travel in the cache: the browser would render otherwise.
  if (failed || answers.some(hasErrors)) return null;

  const state: SsrState = {
    apollo: client.extract() as NormalizedCacheObject,
    renderedAt,
    router: { loaderData: context.loaderData, actionData: context.actionData, errors: null },
  };
  // React writes the page's <title> at the start of the markup: it goes into <head>, in place of the default one.
  let body = result;
  let title: string | null = null;
  const leading = /^<title>([^<]*)<\/title>/.exec(body);
  if (leading) {
    title = leading[0];
    body = body.slice(leading[0].length);
  }
  const assets = routeAssets(options.manifest, page.module);
  const links = [
    ...assets.styles.map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...assets.scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ].join('');
  let html = options.template;
  if (title) html = html.replace(/<title>[^<]*<\/title>/, () => title);
  html = html.replace('</head>', () => `${links}</head>`);
  html = html.replace(
    '<div id="root"></div>',
    // A function: `$&` and the like in the page's text are not replacement patterns.
    () =>
      `<div id="root">${body}</div><script type="application/json" id="${SSR_STATE_ID}">${jsonForHtml(state)}</script>`,
  );
  renders.delete(key);
  renders.set(key, { html, at: renderedAt, requests, answers });
  if (renders.size > RENDERS_KEPT) renders.delete(renders.keys().next().value as string);
  return html;
}
