import { getDataSourceToken } from '@nestjs/typeorm';
import { DemoSeedRefused, demoSeedRefusal, formatDemoSummary, printSignIns, seedDemo } from '@crossroads/api-demo';
import { loadConfig, migrateDatabase, openDatabase, progressBar } from '@crossroads/api-platform';
import { apiSchema } from '../api-schema.js';
import { createApp } from '../create-app.js';

/**
 * `npm run db:seed`: seeds the demo community into an empty database (DATABASE_URL or the embedded
 * one). Refuses, saying why, with NODE_ENV=production or when the database already has content.
 */
const say = (msg: string) => process.stdout.write(`${msg}\n`);
// Seeding only queues the events it causes: a running server's workers handle them.
const config = { ...loadConfig(), logLevel: 'warn' as const, jobWorkers: false };
if (config.isProduction) {
  process.stderr.write(
    'Not seeding demo content: NODE_ENV is production: demo content is never seeded in production.\n',
  );
  process.exit(2);
}
const db = await openDatabase(config, say);
const bar = progressBar('');
try {
  await migrateDatabase(db.url, apiSchema);
  const app = await createApp(config, db.url);
  try {
    await app.init();
    const refusal = await demoSeedRefusal(app.get(getDataSourceToken()), config.isProduction);
    if (refusal) throw new DemoSeedRefused(`Not seeding demo content: ${refusal} (npm run db:reset starts over.)`);
    const summary = await seedDemo(app, { onProgress: (done, total, label) => bar.update(done, total, label) });
    bar.stop();
    say(formatDemoSummary(summary));
    printSignIns(say);
  } finally {
    await app.close();
  }
} catch (e) {
  bar.stop();
  process.stderr.write(`${e instanceof DemoSeedRefused ? '' : 'Seeding failed: '}${(e as Error).message}\n`);
  process.exitCode = e instanceof DemoSeedRefused ? 2 : 1;
} finally {
  await db.close();
}
// The embedded database's exit hook would otherwise end the process with 0: keep a refusal's or failure's code.
process.exit(Number(process.exitCode ?? 0));
