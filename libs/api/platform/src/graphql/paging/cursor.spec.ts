import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../../errors/domain-error.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const ID = '0f5e2a3c-1b2d-4c5e-8f90-123456789abc';

describe('keyset cursor codec', () => {
  it('round-trips dates (ms), numbers, booleans and ids', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const cursor = encodeCursor('answers', [true, -3, at, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'answers', ['bool', 'number', 'date', 'id'])).toEqual([true, -3, at, ID]);
  });

  it.each([
    ['not base64', '!!!'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['another list', encodeCursor('questions:VOTES', [1, ID])],
    ['wrong arity', encodeCursor('questions:NEWEST', [1])],
    ['wrong type', encodeCursor('questions:NEWEST', ['x', ID])],
    ['bad id', encodeCursor('questions:NEWEST', [1, 'x; DROP TABLE'])],
  ])('refuses %s as BAD_USER_INPUT naming after', (_label, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, 'questions:NEWEST', ['date', 'id']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).details).toEqual({ field: 'after' });
  });
});
