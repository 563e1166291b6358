import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatDemoSummary, printSignIns, seedDemo } from '@crossroads/api-demo';
import { loadConfig, migrateDatabase, openDatabase, progressBar } from '@crossroads/api-platform';
import { apiSchema } from '../api-schema.js';
import { createApp } from '../create-app.js';

/**
 * `npm run db:reset [-- --yes] [-- --no-seed]`: drops and recreates the database schema, migrates,
 * and seeds the demo community unless --no-seed. Asks for confirmation on a terminal unless --yes;
 * refuses with NODE_ENV=production.
 */
const { values } = parseArgs({
  options: { yes: { type: 'boolean', short: 'y' }, 'no-seed': { type: 'boolean' }, help: { type: 'boolean' } },
});
if (values.help) {
  process.stdout.write('Usage: npm run db:reset [-- --yes] [-- --no-seed]\n');
  process.exit(0);
}
class Cancelled extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
const say = (msg: string) => process.stdout.write(`${msg}\n`);
// Seeding only queues the events it causes: a running server's workers handle them.
const config = { ...loadConfig(), logLevel: 'warn' as const, jobWorkers: false };
if (config.isProduction) {
  process.stderr.write('Refusing to reset the database with NODE_ENV=production.\n');
  process.exit(2);
}
const db = await openDatabase(config, say);
try {
  const where = db.embedded
    ? `the embedded database in ${config.dataDir}`
    : `${new URL(db.url).pathname.slice(1)} on ${new URL(db.url).host}`;
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      throw new Cancelled('db:reset deletes every row: run it on a terminal to confirm, or pass --yes.', 2);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`This deletes everything in ${where}. Type 'reset' to confirm: `);
    rl.close();
    if (answer.trim() !== 'reset') {
      throw new Cancelled('Nothing changed.', 1);
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
  const applied = await migrateDatabase(db.url, apiSchema);
  say(`Reset ${where}: applied ${applied.length} migration(s).`);
  if (!values['no-seed']) {
    const app = await createApp(config, db.url);
    const bar = progressBar('');
    try {
      await app.init();
      const summary = await seedDemo(app, { onProgress: (done, total, label) => bar.update(done, total, label) });
      bar.stop();
      say(formatDemoSummary(summary));
      printSignIns(say);
    } finally {
      bar.stop();
      await app.close();
    }
  }
} catch (e) {
  process.stderr.write(`${e instanceof Cancelled ? '' : 'Reset failed: '}${(e as Error).message}\n`);
  process.exitCode = e instanceof Cancelled ? e.code : 1;
} finally {
  await db.close();
}
// The embedded database's exit hook would otherwise end the process with 0: keep a refusal's or failure's code.
process.exit(Number(process.exitCode ?? 0));
