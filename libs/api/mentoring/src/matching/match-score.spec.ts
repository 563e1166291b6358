import { describe, expect, it } from '@jest/globals';
import { compareMatches, matchReason, matchScore } from './match-score.js';

const base = { sharedTags: 1, questionTags: 2, acceptedInTags: 0, available: true };

describe('mentor match score', () => {
  it('grows with tag overlap and with accepted answers in the tags', () => {
    expect(matchScore({ ...base, sharedTags: 2 })).toBeGreaterThan(matchScore(base));
    expect(matchScore({ ...base, acceptedInTags: 3 })).toBeGreaterThan(matchScore(base));
  });

  it('gives accepted answers diminishing returns', () => {
    const step = (n: number) =>
      matchScore({ ...base, acceptedInTags: n + 1 }) - matchScore({ ...base, acceptedInTags: n });
    expect(step(10)).toBeLessThan(step(1));
  });

  it('never ranks an unavailable mentor above an available one', () => {
    const busyExpert = { ...base, id: 'a', sharedTags: 2, acceptedInTags: 10_000, available: false };
    const freeNovice = { ...base, id: 'b', sharedTags: 1, acceptedInTags: 0, available: true };
    expect([busyExpert, freeNovice].sort(compareMatches).map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('breaks ties by id', () => {
    expect(
      [
        { ...base, id: 'b' },
        { ...base, id: 'a' },
      ]
        .sort(compareMatches)
        .map((m) => m.id),
    ).toEqual(['a', 'b']);
  });
});

describe('match reason', () => {
  it('names the accepted answers in the strongest tag', () => {
    expect(
      matchReason({
        sharedTags: ['pmo'],
        bestTag: 'career-change',
        bestTagAccepted: 3,
        acceptingRequests: true,
        available: true,
      }),
    ).toBe('3 accepted answers in #career-change');
    expect(
      matchReason({
        sharedTags: ['pmo'],
        bestTag: 'pmo',
        bestTagAccepted: 1,
        acceptingRequests: true,
        available: true,
      }),
    ).toBe('1 accepted answer in #pmo');
  });

  it('falls back to the shared expertise and says when the mentor is not available', () => {
    expect(
      matchReason({
        sharedTags: ['pmo', 'agile'],
        bestTag: null,
        bestTagAccepted: 0,
        acceptingRequests: true,
        available: false,
      }),
    ).toBe('Expertise in #pmo, #agile (fully booked)');
    expect(
      matchReason({
        sharedTags: ['pmo'],
        bestTag: null,
        bestTagAccepted: 0,
        acceptingRequests: false,
        available: false,
      }),
    ).toBe('Expertise in #pmo (not taking requests now)');
  });
});
