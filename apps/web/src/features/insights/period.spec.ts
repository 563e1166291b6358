import { describe, expect, it } from 'vitest';
import { periodFromParams } from './period.js';

const now = new Date('2026-11-30T15:00:00Z');

describe('periodFromParams', () => {
  it('is the last 30 days, today included, by default', () => {
    expect(periodFromParams(new URLSearchParams(), now)).toEqual({
      preset: '30',
      from: '2026-11-01',
      to: '2026-11-30',
      tag: null,
    });
  });

  it('reads a preset and a tag', () => {
    expect(periodFromParams(new URLSearchParams('days=7&tag=PMO'), now)).toEqual({
      preset: '7',
      from: '2026-11-24',
      to: '2026-11-30',
      tag: 'pmo',
    });
  });

  it('reads a custom range as given (the API refuses a reversed or too long one)', () => {
    expect(periodFromParams(new URLSearchParams('from=2026-01-01&to=2026-02-01'), now)).toMatchObject({
      preset: 'custom',
      from: '2026-01-01',
      to: '2026-02-01',
    });
  });

  it('ignores what is not a day or a preset', () => {
    expect(periodFromParams(new URLSearchParams('from=yesterday&to=2026-02-01&days=12'), now)).toMatchObject({
      preset: '30',
      from: '2026-11-01',
    });
  });
});
