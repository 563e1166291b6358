import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED_KEYS, TABLE_OWNERS, type Context } from './table-owners.js';

export interface Crossing {
  /** Repository-relative path of the file naming the table. */
  file: string;
  context: Context;
  /** The other context's table, view or function. */
  name: string;
  owner: Context;
  line: number;
}

const ownerOf = new Map<string, Context>(
  (Object.keys(TABLE_OWNERS) as Context[]).flatMap((c) =>
    [...TABLE_OWNERS[c].tables, ...TABLE_OWNERS[c].functions].map((n) => [n, c] as const),
  ),
);
const functions = new Set((Object.keys(TABLE_OWNERS) as Context[]).flatMap((c) => [...TABLE_OWNERS[c].functions]));

const alternatives = [...ownerOf.keys()].sort((a, b) => b.length - a.length).join('|');
const quoted = `"?(?:public"?\\."?)?(${alternatives})"?(?![\\w(])`;
// SQL keywords are written upper-case in this code base, so English prose ("from questions") is no match.
const tableRef = new RegExp(
  `\\b(FROM|JOIN|UPDATE|INTO|TABLE|ON|REFERENCES|VIEW|OF|USING|EXISTS)\\s+(?:ONLY\\s+)?${quoted}`,
  'g',
);
const listRef = new RegExp(`,\\s*${quoted}\\s+(?:AS\\s+)?[a-z]\\w*\\s*(?=,|\\bWHERE\\b|\\bJOIN\\b|\\))`, 'g');
const functionRef = new RegExp(`\\b(${[...functions].join('|')})\\s*\\(`, 'g');
// SQL whose table is interpolated (`UPDATE ${table}`): then a table's name as a string literal is a reference.
const dynamicTable = /\b(FROM|JOIN|UPDATE|INTO|TABLE)\s+\$\{/;
const literalRef = new RegExp(`['"\`](${alternatives})['"\`]`, 'g');

/** Source without JavaScript comments and SQL `--` comments: prose may mention any table. */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\])\/\/[^\n]*/g, '$1')
    .replace(/--[^\n'`]*/g, '');
}

/** Other contexts' tables, views and functions named in one file's SQL. */
export function crossingsIn(source: string, context: Context, file: string): Crossing[] {
  const text = stripComments(source);
  const found: Crossing[] = [];
  const add = (name: string, index: number, keyword?: string) => {
    const owner = ownerOf.get(name)!;
    if (owner === context) return;
    if (keyword === 'REFERENCES' && SHARED_KEYS.includes(name)) return;
    found.push({ file, context, name, owner, line: text.slice(0, index).split('\n').length });
  };
  for (const m of text.matchAll(tableRef)) add(m[2], m.index, m[1]);
  for (const m of text.matchAll(listRef)) add(m[1], m.index);
  for (const m of text.matchAll(functionRef)) add(m[1], m.index);
  if (dynamicTable.test(text)) for (const m of text.matchAll(literalRef)) add(m[1], m.index);
  return found;
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** Every context's non-test TypeScript (code and migrations). */
export function contextFiles(root: string): { file: string; context: Context }[] {
  return (Object.keys(TABLE_OWNERS) as Context[]).flatMap((context) =>
    walk(join(root, 'libs/api', context, 'src'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => ({ file: relative(root, f), context })),
  );
}

/** Each TypeORM entity class and the context that declares it (its owner). */
export function entityOwners(root: string): Map<string, Context> {
  const owners = new Map<string, Context>();
  for (const { file, context } of contextFiles(root).filter((f) => f.file.endsWith('.entity.ts'))) {
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(/export class (\w+Entity)\b/g))
      owners.set(m[1], context);
  }
  return owners;
}

const entityAccess =
  /\b(?:find\w*|count\w*|exist\w*|insert|update|upsert|save|remove|delete|softDelete|restore|increment|decrement|getRepository|createQueryBuilder|from|into)\s*\(\s*(\w+Entity)\b/g;

/** Reads or writes through TypeORM of another context's entity (`manager.find(UserEntity, …)`); relations in entity files are foreign keys. */
export function entityCrossingsIn(
  source: string,
  context: Context,
  file: string,
  owners: Map<string, Context>,
): Crossing[] {
  if (file.endsWith('.entity.ts')) return [];
  const text = stripComments(source);
  return [...text.matchAll(entityAccess)]
    .filter((m) => owners.has(m[1]) && owners.get(m[1]) !== context)
    .map((m) => ({
      file,
      context,
      name: m[1],
      owner: owners.get(m[1])!,
      line: text.slice(0, m.index).split('\n').length,
    }));
}

export function allCrossings(root: string): Crossing[] {
  const owners = entityOwners(root);
  return contextFiles(root).flatMap(({ file, context }) => {
    const source = readFileSync(join(root, file), 'utf8');
    return [...crossingsIn(source, context, file), ...entityCrossingsIn(source, context, file, owners)];
  });
}

/** Names each migration creates: `CREATE TABLE/VIEW/FUNCTION`. */
export function createdNames(source: string): string[] {
  return [
    ...stripComments(source).matchAll(
      /CREATE (?:OR REPLACE )?(?:TABLE|VIEW|FUNCTION) (?:IF NOT EXISTS )?"?(?:public"?\."?)?([a-z_]+)/g,
    ),
  ].map((m) => m[1]);
}
