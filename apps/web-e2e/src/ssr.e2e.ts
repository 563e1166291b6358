import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion, postAnswer, registerAgedUser, type Account } from './support/api.js';
import { DESKTOP, STEP_TIMEOUT, baseUrl, launchBrowser } from './support/browser.js';

// Guests' home and question pages are rendered on the server (apps/web/src/entry-server.tsx) and
// hydrated in the browser: the first paint needs no JavaScript, and members still get the
// client-rendered app with their own data.

let browser: Browser;
let author: Account;
let questionId: string;
const stamp = Date.now().toString(36);
const title = `Rendered on the server for guests ${stamp}`;
// Text that must not end the state's <script> nor start markup, in the title and the body.
const trap = '</script><script>window.__pwned = 1</script><!-- $& $1';
const bodyPhrase = `The body reaches the guest in the document itself ${stamp}`;
const answerPhrase = `An answer rendered on the server too ${stamp}`;

/** The document a guest's browser receives, before any script runs. */
async function documentHtml(path: string, cookie?: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  expect(res.status).toBe(200);
  return res.text();
}

/** The markup inside #root (the state script follows it). */
const rootOf = (html: string) =>
  /<div id="root">([\s\S]*?)<\/div><script type="application\/json"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  browser = await launchBrowser();
  author = await registerAgedUser('ssr');
  questionId = await askQuestion(author.token, `${title} ${trap}`, `${bodyPhrase}\n\n${trap}`, ['careers']);
  await postAnswer(author.token, questionId, `${answerPhrase}, with an answer of some length.`);
});

afterAll(async () => {
  await browser?.close();
});

describe('server-rendered pages for guests', () => {
  it("a question page's document holds its title, body and answers, with the page data escaped", async () => {
    const html = await documentHtml(`/q/${questionId}`);
    const root = rootOf(html);
    expect(root).toContain(`<h1>${title} &lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;`);
    expect(root).toContain(bodyPhrase);
    expect(root).toContain(answerPhrase);
    expect(html).toMatch(new RegExp(`<title>${title} [^<]*· Crossroads</title>`));
    // The only <script> elements: the entry module and the page's state (JSON, not run).
    expect(html.match(/<script/g)).toHaveLength(2);
    const state = /<script type="application\/json" id="crossroads-ssr">([^<]*)<\/script>/.exec(html)?.[1];
    expect(state).toBeDefined();
    expect(JSON.stringify(JSON.parse(state ?? ''))).toContain(bodyPhrase);
    // The route's chunk is preloaded beside the entry.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/question-page-[^"]+\.js">/);
  });

  it("the home page's document lists the newest questions", async () => {
    const html = await documentHtml('/');
    expect(rootOf(html)).toContain(title);
    expect(rootOf(html)).toContain('<h1 class="feed__title">Crossroads</h1>');
    // The stylesheets of the page's components (CSS modules of its chunks) come with it, not after its script.
    expect(html.match(/<link rel="stylesheet" crossorigin href="\/assets\/[^"]+\.css">/g)?.length).toBeGreaterThan(1);
  });

  it('a question that does not exist is left to the browser (errors do not travel with the page)', async () => {
    const html = await documentHtml('/q/00000000-0000-0000-0000-000000000000');
    expect(html).toContain('<div id="root"></div>');
  });

  it('a member (the session cookie) gets the client-rendered app, not a guest render', async () => {
    const html = await documentHtml(`/q/${questionId}`, 'cr_session=1');
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain(bodyPhrase);
  });

  it('the page hydrates without a mismatch or a request for its data, and then works as the app', async () => {
    // A zone other than the server's: times show in the visitor's zone once hydrated.
    const problems: string[] = [];
    const zoned = await browser.newContext({ baseURL: baseUrl, viewport: DESKTOP, timezoneId: 'Asia/Kolkata' });
    zoned.setDefaultTimeout(STEP_TIMEOUT);
    const tab = await zoned.newPage();
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    const graphql: string[] = [];
    tab.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql') graphql.push(r.method());
    });

    await tab.goto(`/q/${questionId}`);
    await tab.getByRole('heading', { level: 1, name: title, exact: false }).waitFor();
    // Until hydrated, times are the server's (UTC); after, the browser's zone.
    await tab.waitForFunction(() => document.querySelectorAll('time[title$=" UTC"]').length === 0);
    expect(await tab.locator('time').count()).toBeGreaterThan(0);
    expect(await tab.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // The data came with the page (a live subscription may open; no query is sent).
    expect(graphql).toEqual([]);

    // Interactive: a link is followed by the router in this document, not by a new page load.
    await tab.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Crossroads' }).waitFor();
    expect(await tab.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await tab.waitForFunction(() => document.title === 'Crossroads');
    expect(await tab.evaluate(() => document.querySelectorAll('title').length)).toBe(1);

    expect(problems).toEqual([]);
    await zoned.close();
  });
});
