import { BadInputError } from '../../errors/domain-error.js';

/** One sort key of a keyset cursor. Dates travel as epoch milliseconds (columns have ms precision). */
export type CursorPart = 'date' | 'number' | 'id' | 'bool' | 'string';
type PartValue<P extends CursorPart> = P extends 'date'
  ? Date
  : P extends 'number'
    ? number
    : P extends 'bool'
      ? boolean
      : string;
export type CursorValues<Ps extends readonly CursorPart[]> = { [I in keyof Ps]: PartValue<Ps[I]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor: base64url of [list, ...sort key values]. `list` ties it to one list and sort. */
export function encodeCursor(list: string, values: ReadonlyArray<Date | number | string | boolean>): string {
  const plain = values.map((v) => (v instanceof Date ? v.getTime() : v));
  return Buffer.from(JSON.stringify([list, ...plain]), 'utf8').toString('base64url');
}

/** Decodes `after`, or throws BAD_USER_INPUT naming `field` when it is not a cursor of this list. */
export function decodeCursor<const Ps extends readonly CursorPart[]>(
  cursor: string,
  list: string,
  parts: Ps,
  field = 'after',
): CursorValues<Ps> {
  const fail = () => new BadInputError(field, `${field} is not a valid cursor for this list.`);
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail();
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(decoded) || decoded.length !== parts.length + 1 || decoded[0] !== list) throw fail();
  return parts.map((part, i) => {
    const v: unknown = decoded[i + 1];
    switch (part) {
      case 'date':
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw fail();
        return new Date(v);
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) throw fail();
        return v;
      case 'bool':
        if (typeof v !== 'boolean') throw fail();
        return v;
      case 'string':
        if (typeof v !== 'string' || v.length > 100) throw fail();
        return v;
      case 'id':
        if (typeof v !== 'string' || !UUID.test(v)) throw fail();
        return v;
    }
  }) as CursorValues<Ps>;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
