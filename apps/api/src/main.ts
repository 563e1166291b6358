import { ConfigError, loadConfig, migrateDatabase, openDatabase } from '@crossroads/api-platform';
import { seedDemoOnFirstStart } from '@crossroads/api-demo';
import { apiSchema } from './api-schema.js';
import { createApp } from './create-app.js';

const say = (msg: string) => process.stdout.write(`[crossroads] ${msg}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  const db = await openDatabase(config, say);
  const applied = await migrateDatabase(db.url, apiSchema);
  if (applied.length) say(`Applied ${applied.length} migration(s)`);

  const app = await createApp(config, db.url);
  await app.init();
  await seedDemoOnFirstStart(app, config, say);
  await app.listen(config.port, config.host);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: closing`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.getHttpServer().address() as { port: number }).port}`;
  say(
    `Crossroads is ready at ${url} (GraphQL: ${url}/graphql, health: ${url}/health) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  say(db.embedded ? `Database: embedded PostgreSQL, data in ${config.dataDir}` : 'Database: DATABASE_URL');
  if (config.admin?.isDefault)
    say(
      `Admin sign-in: ${config.admin.email} / ${config.admin.password} (development default; set ADMIN_EMAIL and ADMIN_PASSWORD to choose)`,
    );
  else if (config.admin) say(`Admin sign-in: ${config.admin.email} (password from ADMIN_PASSWORD)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Crossroads failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
