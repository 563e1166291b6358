import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/*
 * axe-core on every page state the browser suites visit.
 *
 * In the page (an init script in every watched context) a small harness marks the page "to audit"
 * on each document load, client-side route change (history.pushState/replaceState, popstate), opened
 * popup (a dialog, listbox, menu or popover added, aria-expanded turning true, <dialog open>),
 * viewport resize and form submission, and remembers why. The audit itself runs in the page
 * before the test's next action (click, fill, press, goto, screenshot, close…: those Playwright
 * methods are wrapped below) and at the end of each test, once the DOM is quiet: no mutation for
 * QUIET_MS, no fetch in flight, finite animations finished, fonts loaded (capped at QUIET_CAP_MS on
 * a page that never settles). So the state a test waited for (a loaded page, an open listbox) is the
 * state audited, and nothing runs while nothing changed.
 *
 * Serious and critical violations are collected with the rule, the elements, the URL and what led
 * there; support/axe-guard.ts fails each test whose sessions collected any.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AuditResult {
  url: string;
  reasons: string[];
  /** What kept the page busy when QUIET_CAP_MS ran out (the audit ran anyway), or null. */
  unsettled: string | null;
  settleMs: number;
  axeMs: number;
  violations: AxeViolation[];
}

type FlushReply = null | { needAxe: true } | { skipped: true } | AuditResult;

const QUIET_MS = 100;
export const QUIET_CAP_MS = 3_000;

/** Runs in the page (as an init script, or evaluated into a page opened elsewhere). */
function installHarness(settings: { quietMs: number; capMs: number }): void {
  const w = window as unknown as Record<string, unknown>;
  // Not in frames, nor on the about:blank a new page starts on (a page state no test visits).
  if (window.top !== window || location.protocol === 'about:' || w['__axeHarness']) return;
  const reasons = new Set<string>(['page load']);
  let dirty = true;
  let inflight = 0;
  let lastChange = performance.now();
  let running: Promise<unknown> | null = null;
  const mark = (why: string) => {
    dirty = true;
    reasons.add(why);
  };
  const label = (el: Element) => {
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const by = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (by
        ? by
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : '');
    return name.trim() ? `${role} "${name.trim().slice(0, 60)}"` : role;
  };

  const realFetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    inflight += 1;
    lastChange = performance.now();
    return realFetch.apply(this, args).finally(() => {
      inflight -= 1;
      lastChange = performance.now();
    });
  } as typeof fetch;

  for (const method of ['pushState', 'replaceState'] as const) {
    const real = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      real.apply(this, args);
      mark(`route change to ${location.pathname}${location.search}`);
    };
  }
  addEventListener('popstate', () => mark(`back/forward to ${location.pathname}${location.search}`));
  addEventListener('resize', () => mark(`viewport ${innerWidth}×${innerHeight}`));
  addEventListener(
    'submit',
    (e) => mark(`form submitted${e.target instanceof Element ? ` (${label(e.target)})` : ''}`),
    true,
  );

  const POPUP = '[role=dialog],[role=alertdialog],[role=listbox],[role=menu],[popover],dialog[open]';
  new MutationObserver((records) => {
    lastChange = performance.now();
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          const popup = n.matches(POPUP) ? n : n.querySelector(POPUP);
          if (popup) mark(`${label(popup)} opened`);
        }
      } else if (r.type === 'attributes' && r.target instanceof Element) {
        const el = r.target;
        if (r.attributeName === 'aria-expanded' && el.getAttribute('aria-expanded') === 'true') {
          mark(`${label(el)} expanded`);
        } else if (r.attributeName === 'open' && el.hasAttribute('open')) {
          mark(`${label(el)} opened`);
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const finite = (a: Animation) => {
    const end = a.effect?.getComputedTiming().endTime;
    return typeof end === 'number' && Number.isFinite(end);
  };
  /**
   * Waits on events (mutations, fetches, animations) until nothing changed for quietMs; returns what
   * still kept the page busy when the cap ran out, or null once it settled.
   */
  const settle = async (): Promise<string | null> => {
    const start = performance.now();
    let busy = 'loading';
    for (;;) {
      const now = performance.now();
      const left = settings.capMs - (now - start);
      if (left <= 0) return busy;
      const cap = new Promise((r) => setTimeout(r, left));
      const animations = document.getAnimations().filter((a) => a.playState === 'running' && finite(a));
      if (document.readyState !== 'complete') {
        busy = 'document loading';
        await Promise.race([new Promise((r) => addEventListener('load', r, { once: true })), cap]);
      } else if (animations.length > 0) {
        busy = `${animations.length} animation(s)`;
        await Promise.race([Promise.all(animations.map((a) => a.finished.catch(() => undefined))), cap]);
      } else if (inflight > 0 || now - lastChange < settings.quietMs) {
        busy = inflight > 0 ? `${inflight} fetch(es) in flight` : 'DOM mutations';
        // Debounce: look again once quietMs have passed since the last change.
        await new Promise((r) => setTimeout(r, Math.max(16, settings.quietMs - (now - lastChange))));
      } else {
        await document.fonts.ready;
        return null;
      }
    }
  };
  const audit = async (): Promise<unknown> => {
    const t0 = performance.now();
    const unsettled = await settle();
    const t1 = performance.now();
    const why = [...reasons];
    dirty = false;
    reasons.clear();
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return {
      url: location.href,
      reasons: why,
      unsettled,
      settleMs: t1 - t0,
      axeMs: performance.now() - t1,
      violations: result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
    };
  };
  w['__axeHarness'] = {
    /** Audits the page if something marked it (or when forced); null when there is nothing to do. */
    async flush(force: boolean) {
      while (running) await running.catch(() => undefined);
      if (!dirty && !force) return { skipped: true };
      if (!w['axe']) return { needAxe: true };
      const run = audit();
      running = run;
      try {
        return await run;
      } finally {
        running = null;
      }
    },
  };
}

const watched = new WeakSet<BrowserContext>();
const livePages = new Set<Page>();
const findings: string[] = [];
const seen = new Set<string>();
/** What the harness cost: audits, the time tests waited on it, of which settling and axe itself. */
export const axeStats = { audits: 0, ms: 0, settleMs: 0, axeMs: 0, unsettled: [] as string[] };

/** A new page in this context, which (with any later page of it) carries the harness. */
export async function watchedPage(context: BrowserContext): Promise<Page> {
  watched.add(context);
  await context.addInitScript(installHarness, { quietMs: QUIET_MS, capMs: QUIET_CAP_MS });
  // axe itself too: every document is audited at least once, and sending its 550 KB over CDP to
  // each one cost more than parsing it there (a third of the harness's time in the suite).
  await context.addInitScript({ content: axeSource });
  const track = (page: Page) => {
    if (livePages.has(page)) return;
    livePages.add(page);
    page.once('close', () => livePages.delete(page));
  };
  context.on('page', track);
  const page = await context.newPage();
  track(page);
  wrapPlaywright(context, page);
  return page;
}

const NAVIGATED = /Execution context was destroyed|navigation|frame was detached|Cannot find context/i;
const CLOSED = /Target page, context or browser has been closed|Target closed|has been closed/i;

/**
 * Audits the page now if the harness marked it (or `force`), recording serious and critical
 * violations for the guard unless `force` (the caller then asserts on them). Returns them.
 */
export async function auditPage(page: Page, force = false): Promise<AxeViolation[]> {
  const started = Date.now();
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (page.isClosed()) return [];
      try {
        const flush = (f: boolean) =>
          (
            window as unknown as { __axeHarness?: { flush: (force: boolean) => Promise<FlushReply> } }
          ).__axeHarness?.flush(f) ?? null;
        let reply: FlushReply = await page.evaluate(flush, force);
        if (reply === null) {
          if (!force) return [];
          // A page from a context the harness does not watch: install it for this check.
          await page.evaluate(installHarness, { quietMs: QUIET_MS, capMs: QUIET_CAP_MS });
          reply = await page.evaluate(flush, force);
        }
        if (reply && 'needAxe' in reply) {
          await page.evaluate(axeSource);
          reply = await page.evaluate(flush, force);
        }
        if (!reply || 'skipped' in reply || 'needAxe' in reply) return [];
        axeStats.audits += 1;
        axeStats.settleMs += reply.settleMs;
        axeStats.axeMs += reply.axeMs;
        if (reply.unsettled) axeStats.unsettled.push(`${reply.url} (${reply.unsettled})`);
        if (process.env['E2E_AXE_LOG'])
          console.log(
            `[axe] ${reply.url} after ${reply.reasons.join('; ')}: ${reply.violations.length} serious/critical ` +
              `(settled ${Math.round(reply.settleMs)} ms${reply.unsettled ? ` unsettled: ${reply.unsettled}` : ''}, axe ${Math.round(reply.axeMs)} ms)`,
          );
        if (!force) record(reply);
        return reply.violations;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (CLOSED.test(message)) return [];
        // The page navigated while we audited it: the new document is marked "page load"; audit that.
        if (!NAVIGATED.test(message)) throw e;
      }
    }
    return [];
  } finally {
    axeStats.ms += Date.now() - started;
  }
}

function record(result: AuditResult): void {
  const path = new URL(result.url).pathname;
  for (const v of result.violations) {
    const targets = v.targets.slice(0, 3).join(', ');
    const key = `${v.id}|${targets}|${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(
      `${v.impact} ${v.id} at ${result.url} (after ${result.reasons.join('; ')}): ${v.help} — ${targets}` +
        (v.targets.length > 3 ? ` and ${v.targets.length - 3} more` : ''),
    );
  }
}

/** Audits every open watched page that needs it, then hands over (and forgets) what was collected. */
export async function takeAxeFindings(): Promise<string[]> {
  for (const page of [...livePages]) await auditPage(page);
  const taken = findings.splice(0);
  seen.clear();
  return taken;
}

let wrapped = false;

/**
 * Audits the state a page reached before each user action leaves it (see the top of this file). The
 * page, locator, keyboard, mouse and context classes are reachable only through instances.
 */
function wrapPlaywright(context: BrowserContext, page: Page): void {
  if (wrapped) return;
  wrapped = true;
  const wrap = (proto: Record<string, unknown>, names: string[], pageOf: (self: unknown) => Page) => {
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== 'function') throw new Error(`Playwright has no ${name} to wrap`);
      proto[name] = async function (this: unknown, ...args: unknown[]) {
        const target = pageOf(this);
        if (watched.has(target.context())) await auditPage(target);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
  };
  const ACTIONS = [
    'click',
    'dblclick',
    'fill',
    'press',
    'type',
    'check',
    'uncheck',
    'setChecked',
    'selectOption',
    'hover',
    'tap',
    'setInputFiles',
  ];
  wrap(
    Object.getPrototypeOf(page),
    [...ACTIONS, 'goto', 'reload', 'goBack', 'goForward', 'close', 'screenshot'],
    (self) => self as Page,
  );
  wrap(
    Object.getPrototypeOf(page.locator('body')),
    [...ACTIONS, 'pressSequentially', 'clear', 'dragTo', 'screenshot'],
    (self) => (self as { page: () => Page }).page(),
  );
  wrap(
    Object.getPrototypeOf(page.keyboard),
    ['press', 'type', 'insertText', 'down'],
    (self) => (self as { _page: Page })._page,
  );
  wrap(Object.getPrototypeOf(page.mouse), ['click', 'dblclick', 'down'], (self) => (self as { _page: Page })._page);
  const contextProto = Object.getPrototypeOf(context) as Record<string, unknown>;
  const close = contextProto['close'] as (this: BrowserContext, ...a: unknown[]) => Promise<void>;
  contextProto['close'] = async function (this: BrowserContext, ...args: unknown[]) {
    if (watched.has(this)) for (const p of this.pages()) await auditPage(p);
    return close.apply(this, args);
  };
}
