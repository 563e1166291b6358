import { describe, expect, it } from '@jest/globals';
import { col, selectList, table, tableProblems, type DbColumn, type RowOf } from './table.js';

const topics = table('kb_topics', {
  id: col.uuid(),
  slug: col.text(),
  description: col.text().nullable(),
  position: col.int(),
  createdAt: col.timestamp(),
  ownerKey: col.text().named('owner'),
});

const real = (column: string, udtName: string, nullable = false): DbColumn => ({
  table: 'kb_topics',
  column,
  udtName,
  nullable,
});
const schema = [
  real('id', 'uuid'),
  real('slug', 'varchar'),
  real('description', 'varchar', true),
  real('position', 'int4'),
  real('created_at', 'timestamptz'),
  real('owner', 'text'),
  real('extra', 'text'),
];

describe('declared tables', () => {
  it('select the declared columns under their property names', () => {
    expect(selectList(topics, 't')).toBe(
      't.id, t.slug, t.description, t.position, t.created_at AS "createdAt", t.owner AS "ownerKey"',
    );
    expect(selectList(topics, 'x', ['id', 'createdAt'])).toBe('x.id, x.created_at AS "createdAt"');
  });

  it('type rows from the declaration', () => {
    const row: RowOf<typeof topics> = {
      id: 'u',
      slug: 's',
      description: null,
      position: 1,
      createdAt: new Date(),
      ownerKey: 'o',
    };
    expect(row.description).toBeNull();
  });

  it('match a schema that has the columns (extra columns are allowed)', () => {
    expect(tableProblems(topics, schema)).toEqual([]);
  });

  it('report a renamed column, a changed type and changed nullability', () => {
    const changed = schema.map((c) =>
      c.column === 'slug'
        ? { ...c, column: 'handle' }
        : c.column === 'position'
          ? { ...c, udtName: 'int8' }
          : c.column === 'description'
            ? { ...c, nullable: false }
            : c,
    );
    expect(tableProblems(topics, changed)).toEqual([
      'kb_topics.slug: no such column (declared as slug)',
      'kb_topics.description: is NOT NULL, declared nullable',
      'kb_topics.position: is int8, declared as one of int2/int4',
    ]);
  });

  it('report a missing table', () => {
    expect(tableProblems(topics, [])).toEqual(['kb_topics: no such table']);
  });
});
