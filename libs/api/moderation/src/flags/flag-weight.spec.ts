import { describe, expect, it } from '@jest/globals';
import type { AccountStanding } from '@crossroads/shared-domain';
import { flagsHide, weighFlag } from './flag-weight.js';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const member = (reputation: number, ageDays: number, role: AccountStanding['role'] = 'MEMBER'): AccountStanding => ({
  role,
  reputation,
  createdAt: daysAgo(ageDays),
});
const author = { reputation: 100 };

describe('weighFlag', () => {
  it('gives nothing to accounts under the bar: younger than 3 days or under 15 reputation', () => {
    expect(weighFlag(member(0, 0), author, now)).toEqual({ weight: 0, hidesAtOnce: false });
    expect(weighFlag(member(500, 2.9), author, now)).toEqual({ weight: 0, hidesAtOnce: false });
    expect(weighFlag(member(14, 400), author, now)).toEqual({ weight: 0, hidesAtOnce: false });
  });

  it('weighs an established member 1 and a trusted member (≥ 1,000) 2, mentors alike', () => {
    expect(weighFlag(member(15, 3), author, now)).toEqual({ weight: 1, hidesAtOnce: false });
    expect(weighFlag(member(999, 30, 'MENTOR'), author, now)).toEqual({ weight: 1, hidesAtOnce: false });
    expect(weighFlag(member(1_000, 30), author, now)).toEqual({ weight: 2, hidesAtOnce: false });
  });

  it('lets a moderator or admin hide at once, whatever their age or reputation', () => {
    expect(weighFlag(member(0, 0, 'MODERATOR'), author, now)).toMatchObject({ hidesAtOnce: true });
    expect(weighFlag(member(0, 0, 'ADMIN'), { reputation: 5_000 }, now)).toMatchObject({ hidesAtOnce: true });
  });

  it("never lets members' flags weigh against a trusted author's post; guests' comments are weighed", () => {
    expect(weighFlag(member(5_000, 300), { reputation: 1_000 }, now)).toEqual({ weight: 0, hidesAtOnce: false });
    expect(weighFlag(member(15, 3), null, now)).toEqual({ weight: 1, hidesAtOnce: false });
  });

  it('hides once the open weights reach 3', () => {
    expect(flagsHide(2)).toBe(false);
    expect(flagsHide(3)).toBe(true);
    expect(flagsHide(1 + 2)).toBe(true);
  });
});
