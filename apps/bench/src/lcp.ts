import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';

/** One page of the web app to load as a guest. */
export interface LcpPage {
  name: string;
  path: string;
}

export interface LcpSample {
  ms: number;
  /** The LCP element: tag and the start of its text, to say what the paint was. */
  element: string;
  /** Time to first byte of the document and First Contentful Paint, for the profile. */
  ttfbMs: number;
  fcpMs: number;
}

export interface LcpRow {
  /** Which server (build) answered: 'current', or the baseline being compared. */
  side: string;
  page: string;
  path: string;
  /** CPU slowdown (1 = none, 4 = Chromium's `Emulation.setCPUThrottlingRate` 4). */
  rate: number;
  samples: LcpSample[];
  medianMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Debian's Chromium, as the browser suite launches it. */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One cold load (a fresh context: empty HTTP cache, no service worker, as a first visit) at 1280×800,
 * CPU slowed by `rate`. LCP is read from the browser's own `largest-contentful-paint` entries once
 * the page has rendered its heading and the network has been idle (no input ends LCP earlier).
 */
async function loadOnce(browser: Browser, url: string, rate: number): Promise<LcpSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.locator('h1').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    // Runs in the page (the bench compiles without DOM types, so as source text).
    return (await page.evaluate(`new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        const last = entries[entries.length - 1];
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const el = last.element;
        resolve({
          ms: last.startTime,
          element: el ? el.tagName.toLowerCase() + (el.textContent ? ' "' + el.textContent.trim().slice(0, 40) + '"' : '') : '(removed)',
          ttfbMs: nav.responseStart,
          fcpMs: fcp ? fcp.startTime : NaN,
        });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    })`)) as LcpSample;
  } finally {
    await context.close();
  }
}

/**
 * LCP of each page at each CPU rate on each side (a server; two when a baseline build is compared):
 * one untimed load of each first (it fills the API's anonymous cache, as the guests before a visitor
 * would), then `loads` rounds, each loading every page at every rate on every side in turn, so slow
 * and fast moments of the shared machine fall on all of them alike.
 */
export async function measureLcp(
  sides: Array<{ side: string; baseUrl: string }>,
  pages: LcpPage[],
  options: { loads: number; rates: number[] },
  say: (msg: string) => void = () => undefined,
) {
  const loadStart = loadavg()[0];
  const browser = await launch();
  try {
    for (const { baseUrl } of sides) for (const p of pages) await loadOnce(browser, baseUrl + p.path, 1);
    const rows: Array<LcpRow & { baseUrl: string }> = sides.flatMap(({ side, baseUrl }) =>
      pages.flatMap((p) =>
        options.rates.map((rate) => ({
          side,
          baseUrl,
          page: p.name,
          path: p.path,
          rate,
          samples: [] as LcpSample[],
          medianMs: NaN,
        })),
      ),
    );
    for (let round = 0; round < options.loads; round++) {
      for (const row of rows) {
        row.samples.push(await loadOnce(browser, row.baseUrl + row.path, row.rate));
        say(`LCP ${row.side} ${row.page} ${row.rate}×: ${Math.round(row.samples[row.samples.length - 1].ms)} ms`);
      }
    }
    for (const row of rows) row.medianMs = Math.round(median(row.samples.map((s) => s.ms)));
    return { rows, loadAverage: { start: loadStart, end: loadavg()[0] } };
  } finally {
    await browser.close();
  }
}
