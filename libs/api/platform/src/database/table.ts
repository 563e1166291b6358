import type { Db } from './rows.js';

/**
 * A column of a declared row type: the TypeScript type node-postgres delivers (`T`), the Postgres
 * types (udt_name) that deliver it, and nullability. Checked against the migrated schema by
 * `tableProblems` (apps/api/test/row-types.int-spec.ts).
 */
export class Col<T> {
  declare readonly _type: T;
  constructor(
    readonly pgTypes: readonly string[],
    readonly isNullable = false,
    readonly column?: string,
  ) {}

  nullable(): Col<T | null> {
    return new Col<T | null>(this.pgTypes, true, this.column);
  }

  /** The column's name when it is not the property name in snake_case. */
  named(column: string): Col<T> {
    return new Col<T>(this.pgTypes, this.isNullable, column);
  }
}

/** Column kinds, named by what node-postgres returns for them. */
export const col = {
  uuid: () => new Col<string>(['uuid']),
  text: () => new Col<string>(['text', 'varchar', 'bpchar', 'citext']),
  int: () => new Col<number>(['int2', 'int4']),
  /** int8 and numeric arrive as text (no precision lost). */
  bigint: () => new Col<string>(['int8', 'numeric']),
  float: () => new Col<number>(['float4', 'float8']),
  bool: () => new Col<boolean>(['bool']),
  timestamp: () => new Col<Date>(['timestamptz', 'timestamp']),
  /** A calendar day: node-postgres gives a Date at local midnight; select it with to_char to get text. */
  date: () => new Col<Date>(['date']),
  textArray: () => new Col<string[]>(['_text', '_varchar']),
  uuidArray: () => new Col<string[]>(['_uuid']),
  json: <T>() => new Col<T>(['json', 'jsonb']),
  /** A Postgres enum (its type name) or a text column holding one of `T`. */
  enum: <T extends string>(pgType: string) => new Col<T>([pgType, 'text', 'varchar']),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCol = Col<any>;
export type Columns = Record<string, AnyCol>;

export interface Table<C extends Columns = Columns> {
  readonly name: string;
  readonly columns: C;
}

/** Declares a table's row type: property names are the camelCase of the column names unless `.named()`. */
export function table<const C extends Columns>(name: string, columns: C): Table<C> {
  return { name, columns };
}

/** The row a select list of the table yields. */
export type RowOf<T extends Table> = { -readonly [K in keyof T['columns']]: T['columns'][K]['_type'] };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function columnName(key: string, c: AnyCol): string {
  return c.column ?? snake(key);
}

/** `a.topic_id AS "topicId", …` for all (or the given) columns of the table under `alias`. */
export function selectList<C extends Columns>(
  t: Table<C>,
  alias: string,
  keys: readonly (keyof C & string)[] = Object.keys(t.columns),
): string {
  return keys
    .map((key) => {
      const name = columnName(key, t.columns[key]);
      return name === key ? `${alias}.${name}` : `${alias}.${name} AS "${key}"`;
    })
    .join(', ');
}

export interface DbColumn {
  table: string;
  column: string;
  udtName: string;
  nullable: boolean;
}

/** What differs between a declared table and the real one: missing tables/columns, types, nullability. */
export function tableProblems(t: Table, dbColumns: readonly DbColumn[]): string[] {
  const real = new Map(dbColumns.filter((c) => c.table === t.name).map((c) => [c.column, c]));
  if (!real.size) return [`${t.name}: no such table`];
  const problems: string[] = [];
  for (const [key, c] of Object.entries(t.columns)) {
    const name = columnName(key, c);
    const found = real.get(name);
    if (!found) problems.push(`${t.name}.${name}: no such column (declared as ${key})`);
    else {
      if (!c.pgTypes.includes(found.udtName))
        problems.push(`${t.name}.${name}: is ${found.udtName}, declared as one of ${c.pgTypes.join('/')}`);
      if (c.isNullable !== found.nullable)
        problems.push(
          `${t.name}.${name}: is ${found.nullable ? 'nullable' : 'NOT NULL'}, declared ${c.isNullable ? 'nullable' : 'NOT NULL'}`,
        );
    }
  }
  return problems;
}

/** The columns of the named tables in the current schema, from information_schema. */
export async function readColumns(db: Db, tables: readonly string[]): Promise<DbColumn[]> {
  const found = (await db.query(
    `SELECT table_name AS "table", column_name AS "column", udt_name AS "udtName", is_nullable = 'YES' AS nullable
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1::text[])`,
    [[...tables]],
  )) as DbColumn[];
  return found;
}
