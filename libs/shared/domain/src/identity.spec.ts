import { describe, expect, it } from '@jest/globals';
import { confusableSkeleton, displayNameProblem, looksLike, normalizeDisplayName } from './identity.js';
import { PASSWORD_POLICY, estimatePasswordStrength, passwordStrengthProblem } from './password-strength.js';
import { votesEarnReputation, flagsCountTowardHiding } from './limits.js';

describe('display names', () => {
  it('normalises with NFKC and trims', () => {
    expect(normalizeDisplayName('  Ｆｏｏ ﬁ ')).toBe('Foo fi');
  });
  it('refuses bidi controls and invisible-only names', () => {
    expect(displayNameProblem('a\u202Eb')).toMatch(/direction/);
    expect(displayNameProblem('\u200B\u2060\uFEFF')).toMatch(/visible/);
    expect(displayNameProblem('Zoë 👩‍💻')).toBeNull();
  });
  it('maps look-alikes to one skeleton', () => {
    const key = confusableSkeleton('Alex Morgan');
    for (const v of [
      'ALEX MORGAN',
      'Àlex Mórgan',
      'Аlех Моrgаn',
      'A1ex M0rgan',
      'alex_morgan',
      'alex-morgan',
      'Alex\u200BMorgan',
      'AIex Morgan',
    ])
      expect(confusableSkeleton(v)).toBe(key);
    expect(looksLike('Alexa Morgan', ['Alex Morgan'])).toBe(false);
    expect(looksLike('---', ['...'])).toBe(false);
  });
});

describe('passwords', () => {
  it('scores with zxcvbn-ts and its common-password list', async () => {
    expect(PASSWORD_POLICY.minLength).toBe(12);
    expect(passwordStrengthProblem(await estimatePasswordStrength('password1234'))).toMatch(/^password /);
    expect(passwordStrengthProblem(await estimatePasswordStrength('correct horse battery staple'))).toBeNull();
    expect((await estimatePasswordStrength('ritareyes123', ['Rita Reyes', 'ritareyes'])).score).toBeLessThan(3);
  });
});

describe('trust bars', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  it('lets votes earn reputation with 15 reputation or 3 days', () => {
    expect(votesEarnReputation({ role: 'MEMBER', reputation: 0, createdAt: at(2.99) }, now)).toBe(false);
    expect(votesEarnReputation({ role: 'MEMBER', reputation: 15, createdAt: at(0) }, now)).toBe(true);
    expect(votesEarnReputation({ role: 'MEMBER', reputation: 0, createdAt: at(3) }, now)).toBe(true);
  });
  it('counts flags with 15 reputation and 3 days, moderators always', () => {
    expect(flagsCountTowardHiding({ role: 'MEMBER', reputation: 15, createdAt: at(2) }, now)).toBe(false);
    expect(flagsCountTowardHiding({ role: 'MEMBER', reputation: 15, createdAt: at(3) }, now)).toBe(true);
    expect(flagsCountTowardHiding({ role: 'MODERATOR', reputation: 0, createdAt: at(0) }, now)).toBe(true);
  });
});
