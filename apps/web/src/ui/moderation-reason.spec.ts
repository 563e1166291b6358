import { LIMITS } from '@crossroads/shared-domain';
import { describe, expect, it } from 'vitest';
import { REASON_LENGTH, reasonProblem } from './moderation-reason.js';

const { min, max } = LIMITS.moderation.reason;

describe('reasonProblem', () => {
  it('takes its bounds from LIMITS', () => {
    expect(REASON_LENGTH).toBe(`${min}–${max} characters`);
    expect(reasonProblem('x'.repeat(min), true)).toBeNull();
    expect(reasonProblem('x'.repeat(max), true)).toBeNull();
    expect(reasonProblem('x'.repeat(min - 1), true)).toBe(`Give a reason of at least ${min} characters.`);
    expect(reasonProblem('x'.repeat(max + 1), true)).toBe(
      `The reason must be at most ${max} characters (now ${max + 1}).`,
    );
  });

  it('lets an optional reason stay empty, and trims before counting', () => {
    expect(reasonProblem('   ', false)).toBeNull();
    expect(reasonProblem('   ', true)).not.toBeNull();
    expect(reasonProblem(`  ${'x'.repeat(min - 1)}  `, false)).not.toBeNull();
  });
});
