import { describe, expect, it } from '@jest/globals';
import { MAX_PERIOD_DAYS, checkPeriod, isProblem, normalizeQuery } from './period.js';

describe('checkPeriod', () => {
  it('covers whole UTC days, the last one included', () => {
    const p = checkPeriod(new Date('2026-11-01T15:00:00Z'), new Date('2026-11-30T01:00:00Z'));
    expect(p).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
  });

  it('accepts a single day', () => {
    const p = checkPeriod(new Date('2026-11-30T00:00:00Z'), new Date('2026-11-30T23:00:00Z'));
    expect(isProblem(p)).toBe(false);
  });

  it('refuses a reversed period, naming to', () => {
    expect(checkPeriod(new Date('2026-11-30T00:00:00Z'), new Date('2026-11-29T00:00:00Z'))).toMatchObject({
      field: 'to',
    });
  });

  it('refuses more than two years, naming from', () => {
    const to = new Date('2026-11-30T00:00:00Z');
    const ok = new Date(to.getTime() - (MAX_PERIOD_DAYS - 1) * 86_400_000);
    const tooLong = new Date(to.getTime() - MAX_PERIOD_DAYS * 86_400_000);
    expect(isProblem(checkPeriod(ok, to))).toBe(false);
    expect(checkPeriod(tooLong, to)).toMatchObject({ field: 'from' });
  });
});

describe('normalizeQuery', () => {
  it('groups searches that differ only in case and spacing', () => {
    expect(normalizeQuery('  PMO   Salary ')).toBe('pmo salary');
  });
});
