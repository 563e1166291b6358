import { DataSource } from 'typeorm';
import { dataSourceOptions, type SchemaParts } from './data-source-options.js';

// Any constant works; it only has to be the same for every instance of the API.
const MIGRATION_LOCK = 724_311_001;

/**
 * Applies pending migrations, each in its own transaction. An advisory lock lets several API
 * instances start at once against one server: one migrates, the others wait and find nothing to do.
 */
export async function migrateDatabase(url: string, parts: SchemaParts): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, parts, 2), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}

/** SQL that would bring the schema in line with the entities: empty when migrations and entities agree. */
export async function pendingSchemaChanges(url: string, parts: SchemaParts): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, parts, 2));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
