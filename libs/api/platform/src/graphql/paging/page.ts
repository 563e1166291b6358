import { LIMITS } from '@crossroads/shared-domain';
import { BadInputError } from '../../errors/domain-error.js';

/** `first` checked against the page limits (also enforced here for field arguments). */
export function pageSize(
  first: number | null | undefined,
  field = 'first',
  max: number = LIMITS.page.maxSize,
  fallback: number = LIMITS.page.defaultSize,
): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw new BadInputError(field, `${field} must be between 1 and ${max}.`);
  return first;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** Rows fetched with LIMIT n + 1: the extra row only says that there is a next page. */
export function toPage<T>(rows: T[], size: number): Page<T> {
  return { items: rows.slice(0, size), hasNextPage: rows.length > size };
}
