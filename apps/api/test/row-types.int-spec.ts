import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, readColumns, tableProblems, type Table } from '@crossroads/api-platform';
import { accountsTables } from '@crossroads/api-accounts';
import { knowledgeBaseTables } from '@crossroads/api-knowledge-base';
import { moderationTables } from '@crossroads/api-moderation';
import { notificationsTables } from '@crossroads/api-notifications';
import { qaTables } from '@crossroads/api-qa';
import { insightsTables } from '@crossroads/api-insights';
import { mentoringTables } from '@crossroads/api-mentoring';
import { importerTables } from '@crossroads/api-importer';
import { apiSchema } from '../src/api-schema.js';

/** Every row type a context declares for its repositories, by context. */
const DECLARED: Record<string, Table[]> = {
  'knowledge-base': knowledgeBaseTables,
  notifications: notificationsTables,
  moderation: moderationTables,
  qa: qaTables,
  accounts: accountsTables,
  mentoring: mentoringTables,
  insights: insightsTables,
  importer: importerTables,
};

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await new DataSource(dataSourceOptions(process.env.TEST_DATABASE_URL!, apiSchema, 1)).initialize();
});
afterAll(() => dataSource.destroy());

describe('declared row types match the migrated schema (column names, types, nullability)', () => {
  it.each(Object.entries(DECLARED))('%s', async (_context, tables) => {
    const columns = await readColumns(
      dataSource,
      tables.map((t) => t.name),
    );
    expect(tables.flatMap((t) => tableProblems(t, columns))).toEqual([]);
  });

  it('would notice a renamed column', async () => {
    const columns = await readColumns(dataSource, ['kb_topics']);
    const renamed = columns.map((c) => (c.column === 'slug' ? { ...c, column: 'handle' } : c));
    expect(tableProblems(knowledgeBaseTables[0], renamed)).toEqual([
      'kb_topics.slug: no such column (declared as slug)',
    ]);
  });
});
