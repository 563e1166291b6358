/** The longest period a dashboard covers (two years, a leap day included). */
export const MAX_PERIOD_DAYS = 731;
const DAY_MS = 86_400_000;

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export type PeriodProblem = { field: 'from' | 'to'; message: string };

/**
 * A period as asked: `to` is inclusive of its whole UTC day (a range ending "2026-11-30" means up to
 * the end of that day), reversed or over two years is refused with the field to fix.
 */
export function checkPeriod(from: Date, to: Date): Period | PeriodProblem {
  if (Number.isNaN(from.getTime())) return { field: 'from', message: 'from must be a date.' };
  if (Number.isNaN(to.getTime())) return { field: 'to', message: 'to must be a date.' };
  const start = startOfUtcDay(from);
  const end = new Date(startOfUtcDay(to).getTime() + DAY_MS);
  if (end <= start) return { field: 'to', message: 'to must not be before from.' };
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_PERIOD_DAYS) {
    return {
      field: 'from',
      message: `A period covers at most 2 years (${MAX_PERIOD_DAYS} days): move from closer to to.`,
    };
  }
  return { from: start, to: end };
}

export const isProblem = (p: Period | PeriodProblem): p is PeriodProblem => 'field' in p;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Search queries are grouped as typed, ignoring case and spacing. */
export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 200);
}
