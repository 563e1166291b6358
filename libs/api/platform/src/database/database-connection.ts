import pg from 'pg';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const DATABASE_NAME = 'crossroads';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database every command uses: DATABASE_URL when set, otherwise the embedded PostgreSQL
 * under `<dataDir>/postgres`, with a `crossroads` database created on first use.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  log: (msg: string) => void,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  const server = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), log);
  await ensureDatabase(server.serverUrl, DATABASE_NAME);
  const url = new URL(server.serverUrl);
  url.pathname = `/${DATABASE_NAME}`;
  return { url: url.toString(), embedded: true, close: () => server.stop() };
}

/** Creates a database on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}
