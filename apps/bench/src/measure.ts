import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { API_DIST, JWT_SECRET, ROOT, query } from './setup.js';

export const VIEW_FLUSH_TAG = '/* qa:view-flush */';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Proc {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function spawnNode(script: string, env: Record<string, string | undefined>, args: string[] = []) {
  const child = spawn(process.execPath, [...args, script], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { child, output: () => out, stop };
}

/** Polls `url` until it answers 200 with `"status":"ok"` (or the process exits). Returns the ms it took. */
export async function waitHealthy(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 180_000, // an API starts in 10–40 s on the shared 2 cores; it once missed 60 s at load 25
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes('"status":"ok"')) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  throw new Error(`no healthy answer from ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** The production-built API (dist/api) against `databaseUrl`. */
export async function startApi(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Proc> {
  const port = await freePort();
  // the bench searches far more than a visitor may (SEARCH_RATE_LIMIT): it measures search latency, not the limit
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEARCH_RATE_LIMIT: '1000000',
    ...extraEnv,
  };
  const p = spawnNode(join(API_DIST, 'main.js'), env, nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, p.child, p.output);
  return { url, ...p };
}

export async function startFloor(databaseUrl: string): Promise<Proc> {
  const port = await freePort();
  const p = spawnNode(join(import.meta.dirname, 'floor.js'), {
    ...process.env,
    FLOOR_DATABASE_URL: databaseUrl,
    FLOOR_PORT: String(port),
    JWT_SECRET,
  });
  const started = performance.now();
  while (!p.output().includes('floor ready')) {
    if (p.child.exitCode !== null || performance.now() - started > 15_000)
      throw new Error(`floor did not start:\n${p.output()}`);
    await sleep(50);
  }
  return { url: `http://127.0.0.1:${port}`, ...p };
}

export async function post(url: string, body: unknown, token?: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.text();
}

/**
 * Statement counting from PostgreSQL's side: the API instance used for counting connects with
 * `options=-c log_statement=all`, so PostgreSQL logs every statement it receives from that
 * instance (and only from it); the server's log is read back with pg_read_file (superuser).
 */
export class StatementLog {
  private constructor(
    private readonly serverUrl: string,
    readonly path: string,
  ) {}

  static async open(serverUrl: string): Promise<StatementLog> {
    const [{ current }] = await query<{ current: string | null }>(serverUrl, `SELECT pg_current_logfile() AS current`);
    let path = current;
    if (!path) {
      const [{ pid }] = await query<{ pid: string }>(
        serverUrl,
        `SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1) AS pid`,
      );
      path = `/proc/${pid}/fd/2`;
    }
    await query(serverUrl, `SELECT size FROM pg_stat_file($1)`, [path]);
    return new StatementLog(serverUrl, path);
  }

  /** A database URL whose sessions log every statement. */
  static loggingUrl(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.searchParams.set('options', '-c log_statement=all');
    return url.toString();
  }

  async size(): Promise<number> {
    const [{ size }] = await query<{ size: string }>(this.serverUrl, `SELECT size FROM pg_stat_file($1)`, [this.path]);
    return Number(size);
  }

  /** The statements logged for `database` while `work` ran (first lines), view-counter flushes excluded. */
  async during(database: string, work: () => Promise<unknown>): Promise<string[]> {
    await sleep(300);
    const from = await this.size();
    await work();
    await sleep(500);
    const to = await this.size();
    const [{ text }] = await query<{ text: string }>(this.serverUrl, `SELECT pg_read_file($1, $2, $3) AS text`, [
      this.path,
      from,
      to - from,
    ]);
    return text
      .split('\n')
      .filter((l) => l.includes(`@${database} `) || !/@\S+ /.test(l))
      .map((l) => /LOG:\s+(?:statement|execute [^:]*):\s(.*)$/.exec(l)?.[1])
      .filter((s): s is string => s !== undefined && !s.includes(VIEW_FLUSH_TAG));
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  /** CPU time the target process spent per request (Linux /proc; null elsewhere): barely moved by other work on the machine. */
  cpuMsPerRequest?: number | null;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface LoadRequest {
  path: string;
  body: string | (() => string);
  token?: string | (() => string);
}

/** autocannon against one target; errors and non-2xx answers counted (and GraphQL errors when checkBodies). */
export async function load(
  base: string,
  req: LoadRequest,
  seconds: number,
  connections = 50,
  checkBodies = false,
): Promise<LoadResult> {
  let graphqlErrors = 0;
  const headers = (token?: string) => ({
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const dynamic = typeof req.body === 'function' || typeof req.token === 'function';
  const r = await autocannon({
    url: `${base}${req.path}`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: headers(typeof req.token === 'string' ? req.token : undefined),
    body: typeof req.body === 'string' ? req.body : undefined,
    requests: [
      {
        method: 'POST',
        path: req.path,
        ...(dynamic
          ? {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                headers: headers(typeof req.token === 'function' ? req.token() : req.token),
                body: typeof req.body === 'function' ? req.body() : req.body,
              }),
            }
          : {}),
        ...(checkBodies
          ? {
              onResponse: (_status: number, body: string) => {
                if (body.includes('"errors"')) graphqlErrors++;
              },
            }
          : {}),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + graphqlErrors,
    non2xx: r.non2xx,
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
export const median = (values: number[]) => percentile(values, 50);
export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** One request at a time, `n` times after `warm` warm-ups: latencies in ms. */
export async function latencies(
  send: () => Promise<string>,
  n: number,
  warm = 3,
): Promise<{ ms: number[]; last: string }> {
  let last = '';
  for (let i = 0; i < warm; i++) last = await send();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await send();
    ms.push(performance.now() - t);
  }
  return { ms, last };
}

/** EXPLAIN ANALYZE execution time (ms) of `sql`, median of `runs`. */
export async function explainMs(
  url: string,
  sql: string,
  params: unknown[],
  runs = 5,
): Promise<{ ms: number; plan: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const times: number[] = [];
    let plan = '';
    for (let i = 0; i < runs; i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params);
      const lines = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      plan = lines.join('\n');
      times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN));
    }
    return { ms: median(times), plan };
  } finally {
    await client.end();
  }
}

/** A fresh DATA_DIR (embedded PostgreSQL initdb, start, migrations) to /health OK; then the same DATA_DIR started again. */
export async function coldStart(): Promise<{ ms: number; restartMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-bench-cold-'));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
  };
  delete env.DATABASE_URL;
  const health = `http://127.0.0.1:${port}/health`;
  try {
    const first = spawnNode(join(API_DIST, 'main.js'), env);
    let ms: number;
    try {
      ms = await waitHealthy(health, first.child, first.output, 120_000);
    } finally {
      await first.stop();
    }
    const again = spawnNode(join(API_DIST, 'main.js'), env);
    try {
      return { ms, restartMs: await waitHealthy(health, again.child, again.output, 120_000) };
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm start` as a fresh clone runs it after `npm ci`: no build output and no Nx cache (NX_SKIP_NX_CACHE),
 * no DATABASE_URL (the embedded PostgreSQL in a fresh DATA_DIR), until /health says ok. It rebuilds
 * dist/ in place, so it runs after every other measurement. The build's share ends where Nx reports
 * the build targets done.
 */
export async function freshCloneStart(say: (msg: string) => void): Promise<{ ms: number; buildMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-bench-clone-'));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NX_SKIP_NX_CACHE: 'true',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  rmSync(join(ROOT, 'dist/api'), { recursive: true, force: true });
  rmSync(join(ROOT, 'dist/apps/web'), { recursive: true, force: true });
  const started = performance.now();
  let buildMs: number | null = null;
  // detached: its own process group, so the npm → sh → node tree stops together
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const onData = (d: Buffer) => {
    out = (out + stripVTControlCharacters(d.toString())).slice(-20_000); // Nx colours its summary
    if (buildMs === null && /Successfully ran target build/.test(out)) {
      buildMs = performance.now() - started;
      say('npm start: build done, starting the API');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  try {
    const ms = await waitHealthy(`http://127.0.0.1:${port}/health`, child, () => out, 600_000);
    return { ms: Math.round(ms), buildMs: Math.round(buildMs ?? ms) };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      process.kill(-(child.pid as number), 'SIGTERM');
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_ENV;
  return copy;
}

/**
 * `npm run import:stackexchange`'s CLI on a real dump into `databaseUrl` (migrated by the CLI first);
 * the importer's own summary line gives its time and posts per second (migrations not counted).
 */
export async function importDump(
  databaseUrl: string,
  dumpDir: string,
): Promise<{
  summary: string;
  seconds: number;
  postsPerSecond: number;
  posts: number;
  postsFileSeconds: number | null;
}> {
  const child = spawn(process.execPath, [join(API_DIST, 'cli/import-stackexchange.js'), '--dir', dumpDir], {
    // As a person runs `npm run import:stackexchange`: no NODE_ENV (production would ask for a JWT_SECRET it never uses).
    env: { ...withoutNodeEnv(process.env), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('Imported '));
  const m = line?.match(/in ([\d.]+) s: (\d+) posts\/s/);
  const q = out.match(/questions: (\d+) new/);
  const a = out.match(/answers: +(\d+) new/);
  if (code !== 0 || !line || !m || !q || !a) throw new Error(`the import failed (${code}):\n${out.slice(-2000)}`);
  const perFile =
    out
      .split('\n')
      .find((l) => l.trim().startsWith('time per file:'))
      ?.trim() ?? '';
  const postsFile = perFile.match(/Posts\.xml ([\d.]+) s/);
  return {
    summary: `${line}; ${perFile}`,
    seconds: Number(m[1]),
    postsPerSecond: Number(m[2]),
    posts: Number(q[1]) + Number(a[1]),
    postsFileSeconds: postsFile ? Number(postsFile[1]) : null,
  };
}

/** User + system CPU milliseconds used so far by a process (Linux /proc), or null. */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

/** `load`, with the target process's CPU time per request. */
export async function loadWithCpu(
  base: string,
  pid: number | undefined,
  req: LoadRequest,
  seconds: number,
): Promise<LoadResult> {
  const before = cpuMs(pid);
  const r = await load(base, req, seconds);
  const after = cpuMs(pid);
  return {
    ...r,
    cpuMsPerRequest:
      before !== null && after !== null && r.requests ? Math.round(((after - before) / r.requests) * 100) / 100 : null,
  };
}
