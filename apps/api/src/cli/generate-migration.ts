import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, loadConfig, migrateDatabase, openDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../api-schema.js';

/**
 * `npm run db:migration -- <lib-migrations-folder> <name>`: writes a migration holding what the
 * entities need beyond the existing migrations, computed on a scratch database.
 */
const [folder, name] = process.argv.slice(2);
if (!folder || !name || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write('Usage: npm run db:migration -- <migrations folder> <kebab-case-name>\n');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config, (m) => process.stdout.write(`${m}\n`));
const scratch = `crossroads_migration_${Date.now()}`;
const serverUrl = new URL(db.url);
const scratchUrl = new URL(db.url);
scratchUrl.pathname = `/${scratch}`;
try {
  await ensureDatabase(serverUrl.toString(), scratch);
  await migrateDatabase(scratchUrl.toString(), apiSchema);
  const ds = new DataSource(dataSourceOptions(scratchUrl.toString(), apiSchema, 2));
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (!sql.upQueries.length) {
    process.stdout.write('Entities and migrations agree: nothing to generate.\n');
  } else {
    const timestamp = Date.now();
    const className = name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()) + timestamp;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await runner.query(${q(x.query)});`).join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((x) => `    await runner.query(${q(x.query)});`)
      .join('\n');
    const file = join(resolve(folder), `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(runner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(runner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    process.stdout.write(`Wrote ${file}: add it to its context's migrations list.\n`);
  }
} finally {
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
  await admin.end();
  await db.close();
}
