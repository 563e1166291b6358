// `npm run dev`: the API in watch mode and the Vite dev server, together.
//
// - API: builds with `nx run api:build`, runs dist/api/apps/api/src/main.js (port 3000, or PORT), and
//   rebuilds + restarts when files under apps/api/src, libs/api or libs/shared change. A failed
//   build keeps the running API and waits for the next change.
// - Web: Vite on http://localhost:4200, proxying /graphql, /health, /unsubscribe and /dev/mail to the API.
// Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { realpathSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = (name) => realpathSync(join(root, 'node_modules/.bin', name));
const nxBin = bin('nx');
const viteBin = bin('vite');
const apiMain = join(root, 'dist/api/apps/api/src/main.js');
const WATCHED = ['apps/api/src', 'libs/api', 'libs/shared'];
const say = (msg) => process.stdout.write(`\x1b[36m[dev]\x1b[0m ${msg}\n`);

let api = null;
let web = null;
let stopping = false;
let building = false;
let changedWhileBuilding = false;
let debounce;

function run(args, options) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function buildApi() {
  return run([nxBin, 'run', 'api:build', '--output-style=stream-without-prefixes'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
  });
}

function startApi() {
  const child = spawn(process.execPath, ['--enable-source-maps', apiMain], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  child.once('exit', (code, signal) => {
    if (api === child) api = null;
    if (!stopping && !child.restarting) say(`API exited (${signal ?? `code ${code}`}); it restarts on the next change`);
  });
  api = child;
}

function stopChild(child, signal = 'SIGTERM', graceMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

async function rebuildAndRestart() {
  if (building) {
    changedWhileBuilding = true;
    return;
  }
  building = true;
  do {
    changedWhileBuilding = false;
    say('Change detected: rebuilding the API');
    const code = await buildApi();
    if (stopping) break;
    if (code !== 0) {
      say('API build failed: the previous API keeps running; fix the error and save again');
      continue;
    }
    if (api) {
      api.restarting = true;
      await stopChild(api);
    }
    if (!stopping) startApi();
  } while (changedWhileBuilding && !stopping);
  building = false;
}

function watchSources() {
  for (const dir of WATCHED) {
    watch(join(root, dir), { recursive: true }, (_event, file) => {
      if (!file || !/\.(ts|json)$/.test(file) || file.endsWith('.spec.ts')) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => void rebuildAndRestart(), 300);
    });
  }
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('Stopping the API and the web dev server');
  clearTimeout(debounce);
  await Promise.all([stopChild(api), stopChild(web)]);
  process.exit(code);
}

// The terminal sends Ctrl-C to the whole process group; forwarding SIGTERM as well covers
// `kill <pid>` of this script. The API ignores a second signal while it closes.
process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

say('Building the API');
if ((await buildApi()) !== 0) {
  say('The API build failed; fix it and run `npm run dev` again');
  process.exit(1);
}
startApi();
watchSources();

web = spawn(process.execPath, [viteBin], {
  cwd: join(root, 'apps/web'),
  stdio: 'inherit',
  env: { ...process.env, CROSSROADS_API_URL: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
});
web.once('exit', (code) => {
  if (!stopping) {
    say(`The web dev server exited (code ${code}); stopping`);
    void shutdown(code || 1);
  }
});
say(`Watching ${WATCHED.join(', ')}. Web app: http://localhost:4200 (Ctrl-C stops both)`);
