import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWAITING_OWNER_API, HISTORICAL_MIGRATIONS } from './boundaries/known-crossings.js';
import {
  allCrossings,
  contextFiles,
  createdNames,
  crossingsIn,
  entityCrossingsIn,
  type Crossing,
} from './boundaries/sql-names.js';
import { TABLE_OWNERS, type Context } from './boundaries/table-owners.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const key = (c: Pick<Crossing, 'file' | 'name'>) => `${c.file} → ${c.name}`;

describe('table ownership', () => {
  it('the ownership map lists exactly what each context’s migrations create', () => {
    const created = new Map<Context, Set<string>>();
    for (const { file, context } of contextFiles(root).filter((f) => f.file.includes('/migrations/'))) {
      for (const name of createdNames(readFileSync(join(root, file), 'utf8'))) {
        created.set(context, (created.get(context) ?? new Set()).add(name));
      }
    }
    for (const context of Object.keys(TABLE_OWNERS) as Context[]) {
      const owned: {
        readonly tables: readonly string[];
        readonly functions: readonly string[];
        readonly readModels?: readonly string[];
      } = TABLE_OWNERS[context];
      const mapped = [...owned.tables, ...owned.functions, ...(owned.readModels ?? [])].sort();
      expect({ context, names: [...(created.get(context) ?? [])].sort() }).toEqual({ context, names: mapped });
    }
  });

  it('no context’s code or migrations name another context’s table, view or function in SQL, or use its entity', () => {
    const allowed = new Set(
      [...HISTORICAL_MIGRATIONS, ...AWAITING_OWNER_API].flatMap((k) =>
        k.names.map((name) => key({ file: k.file, name })),
      ),
    );
    const crossings = allCrossings(root)
      .filter((c) => !allowed.has(key(c)))
      .map((c) => `${c.file}:${c.line} (${c.context}) names ${c.owner}'s ${c.name}`);
    expect(crossings).toEqual([]);
  });

  it('every listed historical or pending crossing still exists (the lists only shrink)', () => {
    const found = new Set(allCrossings(root).map(key));
    const stale = [...HISTORICAL_MIGRATIONS, ...AWAITING_OWNER_API]
      .flatMap((k) => k.names.map((name) => key({ file: k.file, name })))
      .filter((k) => !found.has(k));
    expect(stale).toEqual([]);
  });

  it('finds a crossing in plain, joined, interpolated and quoted SQL, and not in prose', () => {
    const names = (source: string) => crossingsIn(source, 'moderation', 'x.ts').map((c) => c.name);
    expect(names('q(`SELECT 1 FROM questions q JOIN "answers" a ON true`)')).toEqual(['questions', 'answers']);
    expect(names("const T = { Q: 'questions' }; q(`UPDATE ${T.Q} SET x = 1`)")).toEqual(['questions']);
    expect(names('q(`SELECT qa_search_candidates($1)`)')).toEqual(['qa_search_candidates']);
    expect(names('// reads from questions\nconst x = "hidden from users";')).toEqual([]);
    expect(names('q(`CREATE TABLE "flags" (user_id uuid REFERENCES "users"("id"))`)')).toEqual([]);
    expect(names('q(`SELECT 1 FROM flags f, users u WHERE f.x = u.id`)')).toEqual(['users']);
  });

  it('finds another context’s entity used for data access, and not a relation in an entity file', () => {
    const owners = new Map<string, Context>([['UserEntity', 'accounts']]);
    const names = (source: string, file = 'x.service.ts') =>
      entityCrossingsIn(source, 'moderation', file, owners).map((c) => c.name);
    expect(names('await m.findOne(UserEntity, { where: { id } })')).toEqual(['UserEntity']);
    expect(names('m.createQueryBuilder().update(UserEntity).set({})')).toEqual(['UserEntity']);
    expect(names('@ManyToOne(() => UserEntity) user!: UserEntity;', 'x.entity.ts')).toEqual([]);
  });
});
