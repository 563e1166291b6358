import { InsightsBackfill } from '@crossroads/api-insights';
import { loadConfig, migrateDatabase, openDatabase, progressBar } from '@crossroads/api-platform';
import { apiSchema } from '../api-schema.js';
import { createApp } from '../create-app.js';

/**
 * `npm run insights:backfill`: fills insights' rollups with what happened before insights listened
 * (imported, seeded or older posts and members), through the owners' read APIs. Safe to run again
 * and while the API runs: nothing is counted twice (see InsightsBackfill).
 */
const say = (msg: string) => process.stdout.write(`${msg}\n`);
// The backfill only reads and writes rollups: a running server's workers keep handling events.
const config = { ...loadConfig(), logLevel: 'warn' as const, jobWorkers: false };
const db = await openDatabase(config, say);
const bar = progressBar('');
try {
  await migrateDatabase(db.url, apiSchema);
  const app = await createApp(config, db.url);
  try {
    await app.init();
    const started = Date.now();
    const s = await app.get(InsightsBackfill).run((done, total, label) => bar.update(done, total, label));
    bar.stop();
    say(
      `Insights backfill done in ${((Date.now() - started) / 1000).toFixed(1)} s: added ${s.members} members, ${s.questions} questions, ${s.answers} answers and ${s.comments} comments not counted before.`,
    );
  } finally {
    await app.close();
  }
} catch (e) {
  bar.stop();
  process.stderr.write(`Insights backfill failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
process.exit(Number(process.exitCode ?? 0));
