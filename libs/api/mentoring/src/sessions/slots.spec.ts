import { describe, expect, it } from '@jest/globals';
import { isValidTimeZone, parseClock, slotStarts } from './slots.js';

const base = { exceptions: new Set<string>(), busy: [], minutes: 30, stepMinutes: 30 };

describe('slotStarts', () => {
  it('keeps a window at the same local time across a daylight-saving change (Europe/Paris, 29 March 2026)', () => {
    // Sundays 10:00–11:00 in Paris: 09:00Z before the change (UTC+1), 08:00Z after (UTC+2).
    const windows = [{ weekday: 7, startMinute: 600, endMinute: 660, timeZone: 'Europe/Paris' }];
    const slots = slotStarts({
      ...base,
      windows,
      from: new Date('2026-03-21T00:00:00Z'),
      days: 14,
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-03-22T09:00:00.000Z',
      '2026-03-22T09:30:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-29T08:30:00.000Z',
    ]);
  });

  it('skips starts that do not exist locally (the spring-forward gap)', () => {
    const windows = [{ weekday: 7, startMinute: 120, endMinute: 240, timeZone: 'Europe/Paris' }]; // 02:00–04:00
    const slots = slotStarts({
      ...base,
      windows,
      from: new Date('2026-03-29T00:00:00Z'),
      days: 1,
      now: new Date('2026-03-01T00:00:00Z'),
    });
    // 02:00 and 02:30 do not exist that night; 03:00 and 03:30 CEST do.
    expect(slots.map((d) => d.toISOString())).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z']);
  });

  it('leaves out exceptions, the past and busy ranges; honours the session length', () => {
    const windows = [{ weekday: 1, startMinute: 18 * 60, endMinute: 20 * 60, timeZone: 'UTC' }];
    const from = new Date('2026-06-01T00:00:00Z'); // a Monday
    const busy = [{ startsAt: new Date('2026-06-08T18:30:00Z'), endsAt: new Date('2026-06-08T19:30:00Z') }];
    const slots = slotStarts({
      ...base,
      windows,
      busy,
      exceptions: new Set(['2026-06-15']),
      from,
      days: 22,
      minutes: 60,
      now: new Date('2026-06-01T18:10:00Z'),
    });
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-06-01T18:30:00.000Z',
      '2026-06-01T19:00:00.000Z',
      '2026-06-22T18:00:00.000Z',
      '2026-06-22T18:30:00.000Z',
      '2026-06-22T19:00:00.000Z',
    ]);
  });
});

describe('time zones and clocks', () => {
  it('accepts IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
  it('parses HH:MM', () => {
    expect(parseClock('18:00')).toBe(1080);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:30')).toBeNull();
    expect(parseClock('9:00')).toBeNull();
  });
});
