import { describe, expect, it } from '@jest/globals';
import { NEW_ACCOUNT_LIMITS, newAccountRefusal } from './new-account-limits.policy.js';

const HOUR = 3600;

describe('new-account posting limits', () => {
  it('let a new account ask its first questions a minute apart', () => {
    expect(
      newAccountRefusal('QUESTION', { newForSeconds: 20 * HOUR, count: 0, secondsSinceLastQuestion: null }),
    ).toBeNull();
    expect(
      newAccountRefusal('QUESTION', { newForSeconds: 20 * HOUR, count: 2, secondsSinceLastQuestion: 60 }),
    ).toBeNull();
  });

  it('refuse the fourth question until the account is a day old', () => {
    expect(
      newAccountRefusal('QUESTION', {
        newForSeconds: 5 * HOUR + 0.2,
        count: NEW_ACCOUNT_LIMITS.questions,
        secondsSinceLastQuestion: 600,
      }),
    ).toEqual({
      message: 'New accounts can ask at most 3 questions during their first day.',
      retryAfterSeconds: 5 * HOUR + 1,
    });
  });

  it('refuse a question asked within a minute of the last, for the rest of the minute', () => {
    expect(
      newAccountRefusal('QUESTION', { newForSeconds: 20 * HOUR, count: 1, secondsSinceLastQuestion: 12.5 }),
    ).toEqual({
      message: 'New accounts must wait 60 seconds between questions.',
      retryAfterSeconds: 48,
    });
    // Clock skew between statements never asks for more than the full minute, nor for 0 s.
    expect(
      newAccountRefusal('QUESTION', { newForSeconds: HOUR, count: 1, secondsSinceLastQuestion: -3 })?.retryAfterSeconds,
    ).toBe(60);
    expect(
      newAccountRefusal('QUESTION', { newForSeconds: HOUR, count: 1, secondsSinceLastQuestion: 59.999 })
        ?.retryAfterSeconds,
    ).toBe(1);
  });

  it('count answers and comments together, 20 a day', () => {
    expect(newAccountRefusal('ANSWER', { newForSeconds: HOUR, count: 19 })).toBeNull();
    expect(newAccountRefusal('COMMENT', { newForSeconds: HOUR, count: 20 })).toEqual({
      message: 'New accounts can post at most 20 answers and comments during their first day.',
      retryAfterSeconds: HOUR,
    });
  });

  it('never ask to wait less than a second', () => {
    expect(newAccountRefusal('ANSWER', { newForSeconds: 0.01, count: 25 })?.retryAfterSeconds).toBe(1);
  });
});
