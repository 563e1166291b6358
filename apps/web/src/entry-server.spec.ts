import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { jsonForHtml, renderPage, rendersOnServer } from './entry-server.js';

// Counted: a page's render must be one pass, not Apollo's discovery passes.
vi.mock('react-dom/server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-dom/server')>();
  return { ...actual, renderToString: vi.fn(actual.renderToString) };
});

const TEMPLATE = '<html><head><title>Crossroads</title></head><body><div id="root"></div></body></html>';

describe('server render', () => {
  it('escapes the page state so no text in it can end its <script> or start markup', () => {
    const value = { body: '</script><script>alert(1)</script><!-- & \u2028\u2029 $&' };
    const json = jsonForHtml(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('renders guests’ home and question pages only (not searches, not other routes)', () => {
    expect(rendersOnServer('/')).toBe(true);
    expect(rendersOnServer('/?sort=VOTES&tag=pmo')).toBe(true);
    expect(rendersOnServer('/q/123')).toBe(true);
    expect(rendersOnServer('/q/123?utm_source=mail')).toBe(true);
    expect(rendersOnServer('/?q=agile')).toBe(false);
    expect(rendersOnServer('/?sort=VOTES&x=1')).toBe(false);
    expect(rendersOnServer('/q/123/edit')).toBe(false);
    expect(rendersOnServer('/mentors')).toBe(false);
  });

  it('fetches the page’s queries up front and renders it once', async () => {
    const asked: string[] = [];
    const api: typeof fetch = async (_url, init) => {
      const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
      asked.push(operationName);
      const data =
        operationName === 'Me'
          ? { me: null }
          : {
              questions: {
                __typename: 'QuestionConnection',
                totalCount: 0,
                didYouMean: null,
                edges: [],
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              },
            };
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    };
    vi.mocked(renderToString).mockClear();
    const html = await renderPage({
      url: '/?sort=VOTES',
      template: TEMPLATE,
      manifest: {},
      graphqlUrl: 'http://api.test/graphql',
      fetch: api,
    });
    expect(html).toContain('<h1 class="feed__title">Crossroads</h1>');
    expect(html).toContain('id="crossroads-ssr"');
    expect(asked.sort()).toEqual(['Me', 'QuestionFeed']);
    expect(renderToString).toHaveBeenCalledTimes(1);
  });
});
