import { loadConfig, migrateDatabase, openDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../api-schema.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
const say = (msg: string) => process.stdout.write(`${msg}\n`);
const config = loadConfig();
const db = await openDatabase(config, say);
try {
  const applied = await migrateDatabase(db.url, apiSchema);
  say(
    applied.length
      ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`
      : 'The database is up to date.',
  );
} finally {
  await db.close();
}
