import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { SQUASHED_MIGRATIONS, dataSourceOptions, ensureDatabase } from '@crossroads/api-platform';
import { apiSchema } from '../src/api-schema.js';
// The replaced migrations exactly as committed (git show 27c21ce:<path>): the old set.
import { MentoringIndexesViews1795307497504 } from './fixtures/squashed-migrations/1795307497504-mentoring-indexes-views.js';
import { PostDeletionWords1795307769495 } from './fixtures/squashed-migrations/1795307769495-post-deletion-words.js';
import { DropMentoringQaViews1796710000001 } from './fixtures/squashed-migrations/1796710000001-drop-mentoring-qa-views.js';

/**
 * Three committed migrations mixed two contexts' tables; each was replaced by idempotent per-owner
 * migrations. This proves, against real PostgreSQL, that the replacement is sound: a fresh database
 * gets the same schema from the new set as from the old one, a database migrated with the old set
 * upgrades cleanly to the same schema and history, and both revert all the way down.
 */
type MigrationClass = new () => MigrationInterface;
const REPLACEMENTS = [
  'PostDeletionColumns1795307769496',
  'ModerationWords1795307769497',
  'MentoringIndexes1795307497505',
  'SquashedMigrationHistory1796900000000',
];
const newSet = apiSchema.migrations as MigrationClass[];
const oldSet: MigrationClass[] = [
  ...newSet.filter((m) => !REPLACEMENTS.includes(m.name)),
  MentoringIndexesViews1795307497504,
  PostDeletionWords1795307769495,
  DropMentoringQaViews1796710000001,
];
const timestampOf = (m: MigrationClass) => Number(m.name.slice(-13));
/**
 * What a database held when the squash landed: migrations written after it (timestamps past the
 * history step) never existed next to the old ones, so an upgrade runs them after the replacements.
 */
const SQUASH_AT = 1796900000000;
const committedOld = oldSet.filter((m) => timestampOf(m) < SQUASH_AT);
const later = newSet.filter((m) => timestampOf(m) > SQUASH_AT).map((m) => m.name);

const serverUrl = process.env.TEST_SERVER_URL!;
const created: string[] = [];
async function freshDatabase(label: string): Promise<string> {
  const name = `${new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1)}_sq_${label}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  await ensureDatabase(serverUrl, name);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withDataSource<T>(
  url: string,
  migrations: MigrationClass[],
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const ds = await new DataSource({
    ...dataSourceOptions(url, { entities: apiSchema.entities, migrations }, 1),
    migrationsTransactionMode: 'each',
  }).initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}
const migrate = (url: string, migrations: MigrationClass[]) =>
  withDataSource(url, migrations, (ds) => ds.runMigrations({ transaction: 'each' })).then((ran) =>
    ran.map((m) => m.name),
  );
const revertAll = (url: string, migrations: MigrationClass[]) =>
  withDataSource(url, migrations, async (ds) => {
    const reverted: string[] = [];
    for (;;) {
      const [last] = (await ds.query(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`)) as {
        name: string;
      }[];
      if (!last) return reverted;
      await ds.undoLastMigration({ transaction: 'each' });
      reverted.push(last.name);
    }
  });

/** Every schema object of `public`, one line each: columns (with position), constraints, indexes, views, functions, triggers, enum values, sequences. */
const SCHEMA = `
  SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ': ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
         || ' ' || is_nullable || coalesce(' default ' || column_default, '') AS line
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'view ' || viewname || ': ' || definition FROM pg_views WHERE schemaname = 'public'
  UNION ALL SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || '): ' || md5(pg_get_functiondef(p.oid))
    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
  UNION ALL SELECT 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
  UNION ALL SELECT 'enum ' || t.typname || ' #' || e.enumsortorder || ': ' || e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typnamespace = 'public'::regnamespace
  UNION ALL SELECT 'sequence ' || sequencename || ': ' || data_type FROM pg_sequences WHERE schemaname = 'public'
  ORDER BY 1`;
async function read<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
const schemaOf = async (url: string) => (await read<{ line: string }>(url, SCHEMA)).map((r) => r.line);
const historyOf = (url: string) =>
  read<{ id: number; timestamp: string; name: string }>(
    url,
    `SELECT "id", "timestamp"::text, "name" FROM "migrations" ORDER BY "id"`,
  );
const wordsOf = async (url: string) =>
  (await read<{ word: string }>(url, `SELECT "word" FROM "moderation_words" ORDER BY 1`)).map((r) => r.word);

let oldUrl: string;
let newUrl: string;
beforeAll(async () => {
  [oldUrl, newUrl] = await Promise.all([freshDatabase('old'), freshDatabase('new')]);
  await migrate(oldUrl, oldSet);
  await migrate(newUrl, newSet);
}, 180_000);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('squashed migrations (new per-owner migrations in place of mixed ones)', () => {
  it('the old set is the committed one and differs from the new one only by the replaced migrations', () => {
    expect(oldSet.length).toBe(newSet.length - 1);
    expect(
      oldSet
        .map((m) => m.name)
        .filter((n) => !newSet.some((m) => m.name === n))
        .sort(),
    ).toEqual([...SQUASHED_MIGRATIONS].sort());
  });

  it('a fresh database gets exactly the same schema and seeded word list from the new set as from the old one', async () => {
    const [before, after] = await Promise.all([schemaOf(oldUrl), schemaOf(newUrl)]);
    expect(after.length).toBeGreaterThan(300);
    expect(after).toEqual(before);
    expect(await wordsOf(newUrl)).toEqual(await wordsOf(oldUrl));
    // The fresh history lists the new set in timestamp order.
    expect((await historyOf(newUrl)).map((r) => r.name)).toEqual(
      [...newSet].sort((a, b) => timestampOf(a) - timestampOf(b)).map((m) => m.name),
    );
  });

  it('a database migrated with the old set upgrades cleanly: same schema, an admin’s word list kept, and the same history as a fresh one', async () => {
    const url = await freshDatabase('upgraded');
    await migrate(url, committedOld);
    await read(url, `UPDATE "moderation_words" SET "word" = 'scam offer' WHERE "word" = 'casino'`);
    const ran = await migrate(url, newSet);
    expect(ran.sort()).toEqual([...REPLACEMENTS, ...later].sort());
    expect(await schemaOf(url)).toEqual(await schemaOf(newUrl));
    expect(await wordsOf(url)).toEqual((await wordsOf(newUrl)).map((w) => (w === 'casino' ? 'scam offer' : w)).sort());
    expect(await historyOf(url)).toEqual(await historyOf(newUrl));
    expect(await migrate(url, newSet)).toEqual([]);
  }, 180_000);

  it('a database from before qa’s read models (mentoring’s views on qa’s tables still there) upgrades to the same schema', async () => {
    const url = await freshDatabase('older');
    await migrate(
      url,
      oldSet.filter((m) => timestampOf(m) < 1796710000000),
    );
    expect(
      (await read<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_views WHERE viewname LIKE 'mentoring\\_%'`))[0]
        .n,
    ).toBe(3);
    await migrate(url, newSet);
    expect(await schemaOf(url)).toEqual(await schemaOf(newUrl));
    expect(await historyOf(url)).toEqual(await historyOf(newUrl));
  }, 180_000);

  it('reverts all the way down, fresh or upgraded, to the same empty schema', async () => {
    const upgraded = await freshDatabase('down');
    await migrate(upgraded, committedOld);
    await migrate(upgraded, newSet);
    const [fromFresh, fromUpgraded] = await Promise.all([revertAll(newUrl, newSet), revertAll(upgraded, newSet)]);
    expect(fromUpgraded).toEqual(fromFresh);
    expect(fromFresh).toHaveLength(newSet.length);
    const [freshLeft, upgradedLeft] = await Promise.all([schemaOf(newUrl), schemaOf(upgraded)]);
    expect(upgradedLeft).toEqual(freshLeft);
    expect(freshLeft.filter((l) => l.startsWith('column ') && !l.startsWith('column migrations.'))).toEqual([]);
    // And up again from nothing: the same schema as the old set's.
    await migrate(newUrl, newSet);
    expect(await schemaOf(newUrl)).toEqual(await schemaOf(oldUrl));
  }, 240_000);
});
