// Runs the browser tests against the built API and web app (it builds nothing: the Nx target
// `web-e2e:e2e` builds api and web first). Starts two APIs on free ports, each with a fresh
// database — an empty one for the flows, and one with the demo community seeded as `npm start`
// does — waits for /health, runs vitest, and always stops the APIs and removes the databases.
//
//   DATABASE_URL set:   creates crossroads_e2e_<random> on that server, drops it afterwards
//   DATABASE_URL unset: the API's embedded PostgreSQL in a temporary DATA_DIR, removed afterwards
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { OIDC_PROVIDER_ID, startOidcProvider } from './oidc-provider.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const apiMain = join(root, 'dist/api/apps/api/src/main.js');
const webIndex = join(root, 'dist/apps/web/index.html');
const vitestBin = realpathSync(join(root, 'node_modules/.bin/vitest'));
const say = (msg) => process.stdout.write(`[e2e] ${msg}\n`);

for (const [file, what] of [
  [apiMain, 'the API'],
  [webIndex, 'the web app'],
]) {
  if (!existsSync(file)) {
    console.error(
      `[e2e] ${what} is not built (${file} is missing). Run \`npx nx run web-e2e:e2e\`, which builds api and web first.`,
    );
    process.exit(1);
  }
}

const cleanups = [];
let tests;
let exiting = false;

async function main() {
  // A real OpenID provider for the provider sign-in flows (configured on the flows API only).
  const oidc = await startOidcProvider();
  cleanups.push(() => oidc.close());
  const baseUrl = await startApi({ demoSeed: false, oidc }); // each flow creates the data it needs
  const demoBaseUrl = await startApi({ demoSeed: true });

  say('Running the browser tests');
  // Extra arguments go to vitest: a file filter runs one suite (`… run-e2e.mjs notifications`).
  tests = spawn(
    process.execPath,
    [vitestBin, 'run', '--config', join(root, 'apps/web-e2e/vitest.config.ts'), ...process.argv.slice(2)],
    {
      cwd: join(root, 'apps/web-e2e'),
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_DEMO_BASE_URL: demoBaseUrl,
        E2E_SCREENSHOT_DIR: join(root, 'dist/e2e-screenshots'),
      },
      stdio: 'inherit',
    },
  );
  const code = await new Promise((resolve) => tests.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  tests = undefined;
  return code;
}

/** Starts the built API with a fresh database; resolves with its base URL once /health is ok. */
async function startApi({ demoSeed, oidc }) {
  // The API keeps its generated JWT secret (and, without DATABASE_URL, its database) in DATA_DIR.
  const dataDir = mkdtempSync(join(tmpdir(), 'crossroads-e2e-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  // Every browser shares 127.0.0.1: lift the per-address search, registration and sign-in limits for
  // the suites, which would otherwise throttle the test rig rather than a visitor. TEST_ROUTES gives
  // the suites aged accounts (past the new-account limits) instead of waiting the limits out.
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_SEED: String(demoSeed),
    SEARCH_RATE_LIMIT: '100000',
    REGISTRATION_LIMIT_PER_HOUR: '10000',
    SIGN_IN_LIMIT_PER_MINUTE: '10000',
    TEST_ROUTES: 'true',
  };
  delete env.WEB_DIST_DIR;
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await createDatabase(process.env.DATABASE_URL);
  } else {
    delete env.DATABASE_URL;
    say(`Database: embedded PostgreSQL in ${dataDir}`);
  }

  const port = await freePort();
  env.PORT = String(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  if (oidc) {
    const prefix = `OIDC_${OIDC_PROVIDER_ID.toUpperCase().replace(/-/g, '_')}_`;
    Object.assign(env, {
      OIDC_PROVIDERS: OIDC_PROVIDER_ID,
      [`${prefix}ISSUER`]: oidc.issuer,
      [`${prefix}CLIENT_ID`]: oidc.clientId,
      [`${prefix}CLIENT_SECRET`]: oidc.clientSecret,
      [`${prefix}NAME`]: 'Test ID',
    });
    oidc.configure(`${baseUrl}/auth/oidc/${OIDC_PROVIDER_ID}/callback`);
  }

  say(`Starting the API on ${baseUrl}${demoSeed ? ' (demo community)' : ''}`);
  const api = spawn(process.execPath, [apiMain], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const apiExited = new Promise((resolve) => api.once('exit', (code, signal) => resolve({ code, signal })));
  cleanups.push(() => stopApi(api, apiExited));
  await waitForHealth(baseUrl, apiExited);
  return baseUrl;
}

async function createDatabase(serverUrl) {
  const name = `crossroads_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  say(`Database: ${name} (created on the DATABASE_URL server)`);
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      say(`Dropped ${name}`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const HEALTH_BUDGET_MS = 240_000;

async function waitForHealth(baseUrl, apiExited) {
  let exited = null;
  void apiExited.then((e) => (exited = e));
  // A budget for failure, not a wait: the demo API seeds its community first, which takes a few
  // seconds alone and past 90 s on a machine loaded by other test runs.
  const deadline = Date.now() + HEALTH_BUDGET_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The API exited before it was healthy (code ${exited.code}, signal ${exited.signal})`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not answer ${baseUrl}/health within ${HEALTH_BUDGET_MS / 1000} s`);
}

async function stopApi(api, apiExited) {
  if (api.exitCode !== null || api.signalCode !== null) return;
  api.kill('SIGTERM');
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), 20_000).unref());
  if ((await Promise.race([apiExited, timeout])) === 'timeout') {
    say('The API did not stop within 20 s: killing it');
    api.kill('SIGKILL');
    await apiExited;
  }
}

async function cleanup() {
  // Reverse order: stop the API before dropping its database or removing its data folder.
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`[e2e] cleanup step failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function exit(code) {
  if (exiting) return;
  exiting = true;
  await cleanup();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    say(`${signal} received: stopping`);
    tests?.kill(signal);
    void exit(130);
  });
}

main().then(
  (code) => exit(code),
  (e) => {
    console.error(`[e2e] ${e instanceof Error ? e.message : String(e)}`);
    void exit(1);
  },
);
