// A mail worker on its own, from the built modules (dist/api): what an API instance runs for email.
// Env: TEST_DATABASE (the database), SMTP_URL, MAIL_LEASE_SECONDS, MAIL_RETRY_DELAY_SECONDS,
// JOB_MAINTENANCE_SECONDS. Prints "ready" once its workers are polling. Stopped with SIGTERM (or killed).
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const platform = await import(join(root, 'dist/api/libs/api/platform/src/index.js'));
const { apiSchema } = await import(join(root, 'dist/api/apps/api/src/api-schema.js'));

const url = process.env.TEST_DATABASE;
const config = platform.loadConfig({ ...process.env, NODE_ENV: 'test' });
const dataSource = await new DataSource(platform.dataSourceOptions(url, apiSchema, 4)).initialize();
const bus = new platform.EventBus(config, url);
const mailer = new platform.Mailer(config, dataSource, bus);
mailer.onModuleInit();
await bus.onApplicationBootstrap();
process.stdout.write('ready\n');

process.on('SIGTERM', async () => {
  await bus.onApplicationShutdown();
  await dataSource.destroy();
  process.exit(0);
});
