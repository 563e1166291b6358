import { describe, expect, it } from '@jest/globals';
import { formatZonedTime } from './zoned-time.js';

describe('formatZonedTime', () => {
  it("shows the instant in the reader's zone, named", () => {
    expect(formatZonedTime('2026-12-01T18:00:00Z', 'Europe/London')).toBe('Tue 1 Dec, 18:00 (Europe/London)');
    expect(formatZonedTime('2026-12-01T18:00:00Z', 'America/New_York')).toBe('Tue 1 Dec, 13:00 (America/New_York)');
    expect(formatZonedTime('2026-12-01T23:30:00Z', 'Asia/Kolkata')).toBe('Wed 2 Dec, 05:00 (Asia/Kolkata)');
  });

  it('keeps the local time across a daylight-saving change (London, 28 March 2027)', () => {
    expect(formatZonedTime('2027-03-22T18:00:00Z', 'Europe/London')).toBe('Mon 22 Mar, 18:00 (Europe/London)');
    expect(formatZonedTime('2027-03-29T17:00:00Z', 'Europe/London')).toBe('Mon 29 Mar, 18:00 (Europe/London)');
  });

  it('falls back to UTC for a missing or unknown zone', () => {
    expect(formatZonedTime('2026-12-01T18:00:00Z', null)).toBe('Tue 1 Dec, 18:00 (UTC)');
    expect(formatZonedTime('2026-12-01T18:00:00Z', 'Mars/Olympus_Mons')).toBe('Tue 1 Dec, 18:00 (UTC)');
  });
});
