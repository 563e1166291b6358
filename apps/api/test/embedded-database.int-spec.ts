import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '@crossroads/api-platform';

const root = findProjectRoot();
const main = join(root, 'dist/api/apps/api/src/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'crossroads-embedded-'));
const children: ChildProcess[] = [];

/** Starts the built API on the embedded database in `dataDir`; resolves with its URL once it is ready. */
function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [main], {
    env: { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    // The first start also seeds the demo community: the bar for a first start is 60 s.
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/[\d.:]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`API exited with ${code}:\n${out}`)));
  });
}

async function gql(url: string, query: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

const postmasterPid = () =>
  Number(readFileSync(join(dataDir, 'postgres/pgdata/postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (existsSync(join(dataDir, 'postgres/pgdata/postmaster.pid'))) {
    const pid = postmasterPid();
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('survives a kill -9 of the API: the next start clears the stale server and keeps the data', async () => {
    const first = await startApi();
    const health = await fetch(`${first.url}/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const registered = await gql(
      first.url,
      'mutation { register(input: { email: "kept@example.test", password: "a long password", handle: "kept", displayName: "Kept" }) { user { handle } } }',
    );
    expect(registered.errors).toBeUndefined();

    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(orphan)).toBe(true); // postgres outlived its parent

    const second = await startApi();
    expect(alive(orphan)).toBe(false);
    const found = await gql(second.url, '{ user(handle: "kept") { handle displayName } }');
    expect(found.data?.user).toEqual({ handle: 'kept', displayName: 'Kept' });

    // SIGTERM: the API closes and stops its database
    const exited = new Promise<number | null>((r) => second.child.once('exit', (code) => r(code)));
    const serverPid = postmasterPid();
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(serverPid)).toBe(false);
  }, 150_000);

  it('a failing command on the embedded database exits non-zero and leaves no server behind', async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const cli = join(root, 'dist/api/apps/api/src/cli/import-stackexchange.js');
    const child = spawn(process.execPath, [cli, '--dir', join(dataDir, 'no-such-dump')], {
      env: { ...env, DATA_DIR: dataDir },
      stdio: 'pipe',
    });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(err).toMatch(/Posts\.xml not found/);
    expect(code).toBe(1);
    expect(existsSync(join(dataDir, 'postgres/pgdata/postmaster.pid'))).toBe(false);
  }, 60_000);
});
