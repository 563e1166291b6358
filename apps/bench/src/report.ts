import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface Measurement {
  id: string;
  what: string;
  /** The bar from quality-bars.md, as written there. */
  bar: string;
  /** The measured figure in words (shown beside the bar). */
  measured: string;
  holds: boolean | null;
  /** measured ÷ bar for "at most" bars, bar ÷ measured for "at least" bars (≤ 1 means met); null when not comparable. */
  budgetUsed: number | null;
  figures: Record<string, unknown>;
  note?: string;
}

export interface Results {
  date: string;
  command: string;
  size: string;
  questions: number;
  machine: Record<string, unknown>;
  database: Record<string, unknown>;
  /** Where the results and the summary are written. */
  outputs?: Record<string, unknown>;
  measurements: Measurement[];
}

/** A horizontal bar per measurement: share of its bar's budget used (100 % = at the bar). */
export async function writeChart(results: Results, pngPath: string, svgPath: string): Promise<void> {
  const rows = results.measurements
    .filter((m) => m.budgetUsed !== null)
    .map((m) => ({
      what: m.what,
      used: Math.max(1, Math.round((m.budgetUsed ?? 0) * 1000) / 10),
      verdict: m.holds === null ? 'no bar (yardstick)' : m.holds ? 'met' : 'missed',
    }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Crossroads benchmarks (${results.size}, ${results.date.slice(0, 10)}): share of each bar used`,
      fontSize: 15,
    },
    width: 560,
    height: { step: 26 },
    background: 'white',
    padding: 12,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'what', type: 'nominal', sort: null, title: null, axis: { labelLimit: 640, labelFontSize: 12 } },
          x: {
            field: 'used',
            type: 'quantitative',
            title: '% of the bar (100 % = at the bar; lower is better)',
            scale: { type: 'log', domain: [1, 10_000], clamp: true },
            axis: { values: [1, 10, 100, 1000, 10_000], format: '~s' },
          },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: ['met', 'missed', 'no bar (yardstick)'], range: ['#2e7d32', '#c62828', '#9e9e9e'] },
            title: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: {
          y: { field: 'what', type: 'nominal', sort: null },
          x: { field: 'used', type: 'quantitative' },
          text: { field: 'used', type: 'quantitative', format: '.1f' },
        },
      },
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#333' }, encoding: { x: { datum: 100 } } },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(svgPath, svg);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  writeFileSync(pngPath, png);
}

/** What was fixed and what the profiles of the missed bars show (written by hand after a run; update when they change). */
const FINDINGS = [
  '## Why bars are missed (profiles)',
  '',
  'Fixed since the first runs (before → after, each pair measured side by side in one session on the shared 2-core machine, load average 4–17 during the runs):',
  '',
  "- **Question page statements: 9 → 6**, the same for 1 and 30 answers. The users loader ran in three waves (question author, answer and comment authors, suggested mentors' users) and mentor profiles in two. Loads that discover authors (the answer page with its comment previews, the mentor suggestions) are now tracked per request (`LoaderRegistry.track`), and the users and mentor-profile loaders dispatch once they have settled: question, tags, answers, suggestions, users, mentor profiles. CI asserts it on the exact document measured here (`mentoring-statements.int-spec.ts`), and the feed with the authors' mentor badges at 4.",
  "- **API CPU per feed page: 7.5–8.8 ms → 5.9–6.7 ms, per question page: 14.3–14.6 ms → 12.3–12.4 ms** (old and new builds alternated three times in one session at 20k, load average ~4; CPU time per request read from /proc, which other work on the machine barely moves; feed req/s 102–146 → 136–185): JWT verified with a secret `KeyObject` made once (jsonwebtoken tried, and failed, `createPublicKey` on the string secret on every request; algorithm, issuer and audience still pinned), Apollo's cache-control and inline-trace plugins disabled (cache-control wrapped every field's resolution; nothing uses its hints), the users loader as one hand-written statement instead of TypeORM `find` (statement building and metadata hydration per page), and the question mapper writing its properties directly.",
  "- **Search exclusion statement (`agile -scrum`): 17.5 → 7.1 ms at 20k, 9.0 → 7.5 ms at 100k** (medians of 9 EXPLAIN ANALYZE, old and new statement alternated; the other shapes unchanged within ±1 ms): the planner costs `search_vector @@ query` as a cheap filter and at 20k chose a sequential scan of every question for `agile -scrum` (about 10 % of rows match), detoasting each tsvector (at 100k it walked the newest-first index instead). The candidate set now comes from `qa_search_candidates` (migration `QaSearchCandidates1795309763529`), which plans its statement with the actual query and `enable_seqscan = off` inside the function only: GIN bitmap for selective queries, the newest-first index for common words. The per-shape SQL time is in the table (`the search statement alone`); the API's p95 per shape is dominated by the machine's load when it is busy.",
  '',
  'Still missed:',
  '',
  "- **Guest reads ≥ 1.0× the floor** (feed, question page, tag feed met; the article missed, 0.89×): before the anonymous cache a guest cost what a member costs (feed 0.14×, question page 0.11× at 1M). In the 100k run of 2026-11-30 19:32: feed 1.93×, question page 3.08×, the busiest tag's feed 12.5× (the floor's own statement for that tag is slow: p50 267 ms, `tags @> ARRAY[…]` ordered by date), the article 0.89× (API 1,776 vs floor 2,003 req/s). The article's floor is one primary-key read and about 6 KB of JSON: 0.24 ms of CPU per request, against 0.62 ms for the API's cache hit. A hit never reaches Apollo or PostgreSQL; what is left is the HTTP path every request takes (Express and Nest middleware: security headers, JSON body parser, cookie parser, the request log and its id, the replica router), the key's two sha256 and the socket write; a CPU profile of the hit path shows `writev` and garbage collection on top and the cache's own code under 3 %. Levers not tried: answering hits before the body parser and the request log (logging them from the cache), or from nginx, which `apps/web/nginx.conf` already lets serve guests' GETs for 5 s. **Guest p99 ≤ 50 ms** (missed: 57–82 ms): the floor's own p99 in the same phases was 60–1,235 ms; 50 connections from autocannon in the bench process on the same 2 cores put the tail on the load generator and the scheduler, not on either server.",
  "- **Event → in-app notification visible (notificationAdded) with 50 writers, p95 ≤ 1 s** (missed: p95 11.3 s in the 100k run, 2,017 of 2,017 delivered; the 15 s load phase builds a longer backlog than the quick runs' 5 s): the latency is queueing in the `notifications` queue, not delivery. Measured from the rows after a quick run: the asker's grouped notification was written a median 4.4 s after the question's last answer, while `questionActivity` (its own queue, no notification rows) stays at p95 ~0.65 s under the same writers. Levers, each side by side (`--quick --only live`, 20k, the queue emptied before each run, 2026-11-30 18:33–19:07): one transaction per event, four workers of 10 (as built before): p95 7.75 s, 723 answers in the phase; **batched** (`EventBus.onBatch`: a worker's run of consecutive answers in one transaction, their answers, questions and authors loaded together, 3.4× fewer statements per answer, `notifications-batch.int-spec.ts`) with four workers of 25: p95 48 s and a failed batch: the batches took the same unread groups' row locks in different orders, waited on each other (9.3 s per batch) and deadlocked; sorted by question, one worker of 50: p95 4.72 s (626 answers); **two workers of 50: p95 4.32 s (648 answers), kept**. Still 4× the bar: the worker shares the API's one event loop and its pool of 20 connections with the 50 writers, whose requests it queues behind. Next levers, not tried: notification workers in their own process (`JOB_WORKERS` already lets an instance run none, so a worker-only instance is configuration), or a pool of their own.",
  "- **Answer on a question followed by 10,000 members** (missed in the 100k run: followed p99 667 ms vs unfollowed 532 ms, the bar judged as ≤ 1.2× the unfollowed p99; met in the quick runs before and after the batching, e.g. 449 vs 424 ms and 389 vs 546 ms): the request records the event and queues one job, and `apps/api/test/notifications-fanout.int-spec.ts` asserts its statements equal an unfollowed question's, so the difference is the machine's noise at the p99 of 600 requests on 2 busy cores, not the followers. The fan-out itself: all 10,001 notifications of one answer written 6.7 s after its response (4.1 s in the last quick run with one transaction per event, 6.7–7.4 s with the batches); the 300 followed answers' fan-outs (one 10,000-row upsert each, now up to 50 in one transaction) were not drained 300 s after the last answer.",
  "- **Live updates (1,000-subscription fan-out p95 ≤ 500 ms, questionActivity under 50 writers p95 ≤ 1 s)**: met in the table above (load average 6.4–11.5 on 2 cores in that run; an earlier run at load average ~4 measured p95 387 and 635 ms; the 1,000 clients in the bench process on the same cores; judged from the event's commit, the `postAnswer` response, with the figure from the request's start beside it). The same measurement while other engineers' suites held the load average at 21–25 missed both: fan-out p95 1,173 ms and 50 writers p95 1,994 ms after the commit. Each delivery executes the subscription's selection for its subscriber (rows loaded once per message and viewer, `useMessageLoaders`) and writes one WebSocket frame, so the spread is CPU-bound; job pick-up does not wait for the 0.5 s poll (this instance's worker is woken at commit, at most every 200 ms per queue). Not yet tried: serialising one result per message for identical guest selections.",
  "- **Feed and question page throughput, signed in (≥ 0.35× and ≥ 0.3× the floor) and signed-in p99 (≤ 150 ms)**: in the 100k run of 2026-11-30 the question page is 0.11× (API 18.5 ms of CPU per page, floor 0.48 ms) and the feed row says met at 0.64×, but only because the floor's feed statement was slow in that run (p50 248 ms, 179 req/s against 523–840 req/s in earlier runs); on CPU per request, the steadier figure, the feed is at 0.107× (API 6.9 ms, floor 0.74 ms). The p99s (1.1–1.2 s; vote 1.4 s, addComment 0.9 s) are queueing behind that CPU: 50 clients on one saturated API process on 2 shared cores. `node --cpu-prof` of the API under the feed load: no single hot spot left — garbage collection ~20 %, socket writes (`writev`) ~13 %, GraphQL execution ~6 %, AsyncLocalStorage promise hooks (nestjs-pino's request context) ~5 %, per-field Nest resolver plumbing ~4 % (since removed for the hot fields, DirectFields below), pg ~4 %, class-validator ~1 %. What it would take: a different execution model for the hot pages, not more tuning — persisted operations resolved by one SQL statement building the JSON, as the floor does — plus a machine where the API has a core of its own for the p99.",
  "- **Members' reads, levers of #16 item 2, one at a time (`--only members --lever …`)**: *graphql-jit*, run through Apollo Server's `responseForOperation` plugin hook (Apollo still parses, validates and runs every other plugin; queries only; errors through the same formatter), measured twice at 20k with the API as built and the floor alternated, on a machine at load average 21–27: feed CPU per request 20.08 vs 20.95 ms without (1.04× less; 5 s phases: 20.24 vs 16.66 ms, 0.82×), question page 23.0 vs 30.4 ms (1.32× less; 5 s phases: 29.5 vs 92.5 ms); req/s within noise (feed 4.1 vs 4.4, question page 8.9 vs 9.1). **Dropped**: no effect on the feed and at most a third off the question page, against the 5–10× the bars need (the API spends 20–30× the floor's CPU per page in these runs), for a second execution engine whose error and field semantics every suite would have to re-prove; the dependency is not added. *No per-request AsyncLocalStorage*: measured with a throwaway build whose `/graphql` skipped nestjs-pino's middleware (so no request context, no promise hooks, and no request log either), same method, load average 21–24: feed 13.00 vs 13.05 ms of CPU per request (no difference), question page 39.3 vs 33.7 ms (worse, within noise). **Dropped**: no measurable gain, and it costs the request log; the profile's ~5 % is below what this machine lets a run show. *Lean field resolution*: the hot fields of the feed and the question page (Question's author, tags, viewerVote, viewCount, acceptedAnswer; Answer's author and viewerVote; Comment's author; User's mentorProfile) called directly instead of through Nest's per-field context creator, measured twice at 20k with a throwaway build (`--lever LEAN_FIELDS=true`, the API as built and the floor alternated, load average 6–9 from a browser-suite run beside it): feed 20.33 → 19.49 ms of API CPU per request (1.04× less; 5 s phases) and 14.87 → 10.44 ms (1.42× less; 10 s phases), question page 45.05 → 31.67 ms (1.42× less) and 40.08 → 32.14 ms (1.25× less); req/s 22.1 → 19.5 and 22.2 → 35.2 (feed), 9.1 → 10.9 and 8.6 → 10.1 (question page). **Kept**, as platform's `DirectFields` (each resolver registers its hot fields with the arguments its decorators would give, type-checked; `apps/api/test/direct-fields.int-spec.ts` checks the served schema calls them and that they answer as before); the one lever of the four that moved CPU in both runs, still far from the 0.35× / 0.3× bars. With it built in, `--quick --seconds 10 --only members` at 16:22 on 2026-11-30 (nothing else running, load average 5.0 → 3.6): feed 0.24× the floor (API 125.9 vs floor 523 req/s; 7.75 vs 0.49 ms of CPU per request), question page 0.11× (55.8 vs 526 req/s; 19.99 vs 0.47 ms): the table's figures. The `--lever` harness stays for the next levers; the gap (20–60× the floor's CPU per page here) needs the different execution model described above, not these.",
  '- **Web: initial JavaScript ≤ 200 KB gzip**: met again, 170,944 B gzip (it had regressed to 298,652 B since the measurement of 168,025 B: components added to `@crossroads/web-ui` brought react-aria and the Markdown stack into a chunk the entry imported, because the barrel\'s modules import CSS and so counted as side effects; `"sideEffects": ["**/*.css"]` in web-ui\'s package.json and `false` in web-data-access\'s let the bundler leave the unused ones to the lazy pages). `apps/web-e2e/src/initial-js-budget.e2e.ts` now fails the browser suite past 200 KB.',
  "- **Web: LCP ≤ 1 s on loopback, ≤ 2 s at 4× CPU** (missed: home 1.68 s / 2.48 s, question page 2.68 s / 3.90 s in the 100k run, load average 5.4–9.4 from the bench's own API and Chromium; earlier runs 0.88–1.77 s on loopback): guests' home and question pages are server-rendered, so LCP is the first paint (FCP = LCP); TTFB was 340–376 ms, the rest Chromium's own work (stylesheets, parsing, layout, paint) on the same 2 cores. A fresh render of the 30-answer page, profiled (20 renders in a row by the built renderer with new answers each): 85–99 ms of CPU after fetching the page's known queries up front and rendering once (from 102–116 ms with Apollo's two `prerenderStatic` passes); React, react-router and react-aria ~30 %, Apollo's cache ~25 %. At this load the spread of one row is 0.9–4.9 s: the bar needs a machine where the API and the browser each get a core, not less render work. Not tried: streaming the document with `<head>` first, and reusing a render while only the view count changed.",
  "- **Search p95 ≤ 40 ms at 100k** (missed in the 100k run: p95 51.8 ms over all shapes, two words 62.4 ms; met at 100k in an earlier run, 22.6 ms, and at 1M on 2026-11-22, 24.8 ms, the `search-1m` row): the search statement alone in PostgreSQL took 2–30 ms in the same run (two words 29.9 ms, 13–16 ms for common words), 2–3× its earlier times at 100k, so the machine was slower in that run than the SQL is; one request at a time, the API's tail follows the machine's load. The phrase shape is not slow in SQL (the newest-first index, phrase positions checked on ~3.5 rows per candidate kept).",
  "- **Staff dashboard ≤ 200 ms at 1M** (met at its bar's size: p95 83.7 ms, the `insights-dashboard-1m` row, after the covering indexes of migration 1797100000600). The 100k run measured p95 730 ms for the last 30 days (296 ms for 2 years) on the same code: slower at a tenth of the data, in a run where every other SQL figure was 2–3× its earlier value. Not investigated this session; the 1M row is the one the bar names.",
  '- **Stack Exchange import ≥ 2,000 posts/s** (missed: 626 posts/s over the whole import, 971 posts/s for Posts.xml alone): the largest dump here (history.meta, 1,651 questions and answers) imports in 2.6 s, of which Users.xml 0.3 s, Posts.xml 1.7 s (with the accepted answers applied), Comments.xml 0.6 s (the importer now prints its time per file). Each batch of up to 1,000 rows is one transaction of a few multi-row statements, and the Q&A triggers keep counters and search vectors row by row; at this size the fixed costs (the advisory lock, per-batch lookups of existing sources and users, the tag counters) weigh on a dump too small to amortise them, and the run shared the cores with nothing else but the bench. Not profiled further this session.',
  '- **Starts and bulk load** (met): `npm start` as on a fresh clone 33.6 s (the build 14.9 s), a fresh `DATA_DIR` 7.2 s (2.2 s in wave 1: the embedded database now runs 40-odd more migrations), a later start 5.6 s, 100k generated in 43.9 s (2,280 questions/s, above the 1,667/s that 1M in 10 min needs; 1M took 483.8 s on 2026-11-22).',
];

/** Where the outputs issue 9 asks for live (the repository's top level is fixed, so everything is under apps/bench). */
const ISSUE_ASKS = [
  "## Issue 9's asks and where they are",
  '',
  "- Results: issue 9 names `bench/results/latest.json` and `docs/benchmarks.md`; the repository's top level is fixed, so they are `apps/bench/results/latest.json` (one object per measurement: figures, the bar from quality-bars.md, whether it holds) and this file, `apps/bench/README.md`, with the chart (`results/latest.png`, `results/latest.svg`), linked from the root README.",
  '- Sizes: each run measures one size (`--quick` 20k, default 100k, `--size 1m`). Search at 1M, the page at depth 500k and the dashboard at 1M are measured only by `npm run bench -- --size 1m`, as their own rows (`…-1m`); a run at another size keeps those rows from the last 1M run, each saying when and by what command it was measured. At smaller sizes deep paging uses the deepest page there is, and the row says so.',
  "- SQL statement counts are asserted in CI (`apps/api/test/qa-statements.int-spec.ts`, `mentoring-statements.int-spec.ts`) from inside the process; the benchmark counts them from PostgreSQL's statement log.",
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The figures at wave 2's start, per measurement id (results/baseline.json): the "before" column. */
export interface Baseline {
  label: string;
  source: string;
  rows: Record<string, string>;
}

export function markdown(results: Results, chartFile: string, baseline?: Baseline): string {
  const m = results.machine;
  const lines = [
    '# Crossroads benchmarks',
    '',
    `Written by \`npm run bench\` (apps/bench). Last run: **${results.date}**, \`${results.command}\`, ${results.questions.toLocaleString('en')} generated questions (${results.size}).`,
    '',
    `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGb} GB memory, Node ${m.node}, ${m.postgres}. ${m.note}`,
    '',
    `![share of each bar used](${chartFile})`,
    '',
    `| what | bar (quality-bars.md) | ${baseline ? `${baseline.label} | ` : ''}now | met |`,
    `|---|---|${baseline ? '---|' : ''}---|---|`,
    ...results.measurements.map(
      (x) =>
        `| ${cell(x.what)} | ${cell(x.bar)} | ${baseline ? `${cell(baseline.rows[x.id] ?? '–')} | ` : ''}${cell(x.measured)}${x.note ? ` — ${cell(x.note)}` : ''}${/measured \d{4}-\d{2}-\d{2}/.test(x.note ?? '') ? '' : ` — full run (\`${results.command}\`, ${results.date.slice(0, 10)})`} | ${x.holds === null ? 'n/a' : x.holds ? 'yes' : '**no**'} |`,
    ),
    '',
    ...(baseline ? [`${baseline.source}`, ''] : []),
    'The raw figures of every measurement are in `results/latest.json`.',
    '',
    '## How it measures',
    '',
    "- **Data**: `crossroads_bench_<size>` on `DATABASE_URL`'s server (default `postgres://postgres@127.0.0.1:5432/postgres`; the embedded PostgreSQL when none answers), migrated, filled by the generator (seed 1), `VACUUM ANALYZE`d; reused by later runs (`--fresh` rebuilds it). A few bench-only rows are added: 1- and 30-answer fixture questions (with comments), old high-reputation members for the mutation load, 20 mentor profiles.",
    "- **API**: `dist/api` (production build) with `NODE_ENV=production`, `LOG_LEVEL=warn`. **Floor**: `floor.ts`, `node:http` + `pg`, one hand-written statement per page, same bearer-token check, and a body checked equal byte for byte to the API's before measuring.",
    "- **SQL statements** are counted from PostgreSQL's side: a separate API instance connects with `options=-c log_statement=all`, and the statements PostgreSQL logged for it are read back from the server log with `pg_read_file` (view-count flushes, which run on a timer, excluded). The same counts are asserted in CI by `apps/api/test/qa-statements.int-spec.ts` and `mentoring-statements.int-spec.ts`.",
    "- **Throughput**: autocannon, 50 connections, API and floor alternated in one run (API, floor, API, floor) after a warm-up of each; autocannon runs in the bench process on the same 2 cores, so both sides pay the same load-generator cost. Each process's CPU time per request is read from `/proc` around every load phase: on a shared machine it is the steadier side-by-side figure. The question page through the API also buffers a view count (the floor does not write). **Guest reads** (`guest-*` rows: the feed, the 30-answer question page, the busiest tag's feed and a knowledge-base article of about 6 KB) send no token: the API answers from its anonymous response cache (in-process, `ANON_CACHE_SECONDS` 30, entries stored by the first request of each phase), the floor runs its statement every time; bodies compared byte for byte before measuring, view counts aside (written in batches). **p99** rows: the median p99 of each page's load phases at 50 connections, judged on the slowest page (guests: the four guest pages; signed in: the feed and the question page).",
    "- **Search**: one request at a time per query shape through `questions(search:)`, and the API's search statement alone (`EXPLAIN ANALYZE`, median of 5); **deep paging**: `EXPLAIN ANALYZE` of the API's keyset statement with a cursor at the depth (median of 5); **cold start**: `dist/api/apps/api/src/main.js` with a fresh `DATA_DIR` (embedded PostgreSQL initdb, start, migrations) until `/health` says ok, then the same `DATA_DIR` started again (**later start**); **`npm start` on a fresh clone**: `dist/` removed and the Nx cache skipped (`NX_SKIP_NX_CACHE`), `npm start` with no `DATABASE_URL` until `/health` says ok, the build's share read from Nx's output; **bulk load**: the generator (`generate-data`, the run's size) into a scratch database, timed from creation to its last row (judged at smaller sizes on the bar's rate, 1M in 10 min = 1,667 questions/s); **import**: `import-stackexchange` on the largest dump in `../shared/data/stackexchange` into a fresh migrated database, posts per second over the whole import as the importer reports it, and Posts.xml alone from its time per file; **mutations**: `vote` and `addComment` under autocannon, 50 connections, each request signed as one of many members.",
    '- **Live updates**: graphql-ws clients (the `ws` package) in the bench process against the same API. Fan-out: 50 guest connections × 20 `questionActivity` subscriptions (the per-address and per-connection limits) on one question, one answer posted through HTTP at a time, each delivery timed from the start of the `postAnswer` request and from its response (the commit), after an untimed warm-up event. Under writers: 50 writers each posting answers on its own question one after another for the load phase, one subscriber per question (5 connections), each delivery timed the same way. The path is the one `notificationAdded` takes: outbox row in the mutation\'s transaction, pg-boss job (this instance\'s worker woken at commit), LiveBus, subscription. In-app notifications under writers: the same 50 writers, the subscriber of each question its asker, signed in (`connection_init` `{ authorization: "Bearer …" }`, one connection each) and subscribed to `notificationAdded`; a frame counts when it names that question, timed the same way.',
    '- **Answer on a followed question**: 10,000 bench-only members (`benchfan<n>`, made once per database) follow a fresh question (`follows` rows inserted in bulk, level WATCHING). One answer is posted with nothing else running and `notifications` rows for it are counted every 50 ms until all 10,001 (followers and asker) exist. Then `postAnswer` latency by 10 clients posting one after another, phases alternated on an unfollowed and the followed question (quiet, followed, quiet, followed; the same members and concurrency), p50/p95/p99 per side; the job backlog the followed phases leave (one 10,000-row fan-out per answer) is drained before anything else is measured.',
    "- **Web (LCP, initial JavaScript)**: `lcp.ts` drives Debian's Chromium (playwright-core, as the browser suite does) against the production API serving the built web app (`dist/apps/web`, as `npm start` serves it, brotli/gzip): the home page and the 30-answer fixture question (`/q/<id>`) as a guest's first visit (a fresh browser context per load: empty HTTP cache), 1280×800, on loopback and with `Emulation.setCPUThrottlingRate` 4 over CDP; after one untimed load of each (it fills the anonymous cache, as earlier guests would), rounds that load every page at every rate in turn; LCP is the last `largest-contentful-paint` entry once the page shows its heading and the network is idle; median per page and rate, with TTFB and FCP beside it. `--web-baseline DIR` serves an earlier build from a second API and alternates both, for a before/after in one run (keep the copy inside the clone, e.g. `dist/web-baseline`: its server renderer imports React and Apollo from `node_modules`, and a copy elsewhere is served without its server render). Initial JavaScript: the entry script and the modules `index.html` preloads, sizes of their `.gz` files; the browser suite holds the same budget (`apps/web-e2e/src/initial-js-budget.e2e.ts`).",
    "- **Members' levers** (`--only members --lever NAME=VALUE`): the feed and the question page signed in, through the API as built, a second API started with the lever's environment (bodies checked equal first) and the floor, alternated (base, lever, floor; twice) after a warm-up of each; the lever's row gives CPU per request and req/s of both APIs.",
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench -- --quick        # a few minutes: 20k questions, short load phases',
    'npm run bench                   # 100k questions',
    'npm run bench -- --size 1m      # 1M questions (generation takes several minutes the first time)',
    'npm run bench -- --fresh        # rebuild the bench database',
    '```',
    '',
    'Options: `--quick`, `--size 100k|1m`, `--fresh`, `--seconds N` (length of each load phase), `--only live|guest|lcp|members|insights|start` (those measurements alone, replacing their rows in `results/latest.json`; `start` is the starts, the bulk load and the import), `--web-baseline DIR` (with `lcp`: an earlier web build measured alternately), `--lever NAME=VALUE` (with `members`: a second API with that environment, side by side), `--report` (writes this file and the chart again from `results/latest.json` and `results/baseline.json`, measuring nothing).',
  ];
  lines.push('', ...ISSUE_ASKS, '', ...FINDINGS);
  return `${lines.join('\n')}\n`;
}
