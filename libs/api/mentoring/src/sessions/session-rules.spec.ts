import { describe, expect, it } from '@jest/globals';
import { sessionChange } from './session-rules.js';

const start = new Date('2026-06-01T18:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('sessionChange', () => {
  it('cancelling 3 h or more ahead is CANCELLED, under 3 h LATE_CANCELLED, after the start refused', () => {
    expect(sessionChange('SCHEDULED', 'CANCELLED', start, at(-180))).toEqual({ ok: true, to: 'CANCELLED' });
    expect(sessionChange('SCHEDULED', 'CANCELLED', start, at(-179))).toEqual({ ok: true, to: 'LATE_CANCELLED' });
    expect(sessionChange('SCHEDULED', 'LATE_CANCELLED', start, at(-600))).toEqual({ ok: true, to: 'CANCELLED' });
    expect(sessionChange('SCHEDULED', 'CANCELLED', start, at(1))).toMatchObject({ ok: false, error: 'CONFLICT' });
  });
  it('a no-show from 10 minutes after the start; done from the start', () => {
    expect(sessionChange('SCHEDULED', 'NO_SHOW', start, at(9))).toMatchObject({ ok: false, error: 'BAD_USER_INPUT' });
    expect(sessionChange('SCHEDULED', 'NO_SHOW', start, at(10))).toEqual({ ok: true, to: 'NO_SHOW' });
    expect(sessionChange('SCHEDULED', 'DONE', start, at(-1))).toMatchObject({ ok: false, error: 'BAD_USER_INPUT' });
    expect(sessionChange('SCHEDULED', 'DONE', start, at(0))).toEqual({ ok: true, to: 'DONE' });
  });
  it('only a scheduled session changes; SCHEDULED is never asked for', () => {
    expect(sessionChange('DONE', 'NO_SHOW', start, at(30))).toMatchObject({ ok: false, error: 'CONFLICT' });
    expect(sessionChange('SCHEDULED', 'SCHEDULED', start, at(30))).toMatchObject({
      ok: false,
      error: 'BAD_USER_INPUT',
    });
  });
});
