import pg from 'pg';
import { ensureDatabase, migrateDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../../src/api-schema.js';

/**
 * A fresh, migrated database of its own, for a suite whose writes (questions, comments, held
 * comments) must not disturb the global counts other suites assert on the shared test database.
 */
export async function createIsolatedDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_SERVER_URL;
  const shared = process.env.TEST_DATABASE_URL;
  if (!serverUrl || !shared)
    throw new Error('TEST_SERVER_URL / TEST_DATABASE_URL are not set: run the tests through test/run.mjs');
  const name = `${new URL(shared).pathname.slice(1)}_${label}`.slice(0, 63);
  await ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString(), apiSchema);
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
