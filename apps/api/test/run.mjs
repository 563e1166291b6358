// Runs the API's Jest suites on a fresh, migrated database, dropped afterwards. The database server
// is DATABASE_URL's when set (a real PostgreSQL), else a throwaway embedded one. Uses the built API
// (dist/api), so `nx run api:test` builds first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const platform = await import(join(root, 'dist/api/libs/api/platform/src/index.js'));
const { apiSchema } = await import(join(root, 'dist/api/apps/api/src/api-schema.js'));

let serverUrl = process.env.DATABASE_URL;
let embedded;
let dataDir;
if (!serverUrl) {
  dataDir = mkdtempSync(join(tmpdir(), 'crossroads-test-'));
  embedded = await platform.openDatabase({ databaseUrl: undefined, dataDir }, () => undefined);
  serverUrl = embedded.url;
}
const name = `crossroads_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
await platform.ensureDatabase(serverUrl, name);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
await platform.migrateDatabase(url.toString(), apiSchema);

const jest = spawn(
  process.execPath,
  [
    '--experimental-vm-modules',
    join(root, 'node_modules/jest/bin/jest.js'),
    '-c',
    join(root, 'apps/api/jest.config.js'),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url.toString(), TEST_SERVER_URL: serverUrl },
  },
);
const code = await new Promise((resolve) => jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.end();
if (embedded) {
  await embedded.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
