import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MODERATION_WORDS, countLinks, decideCommentHold, matchesWordList } from './comment-hold.policy.js';

const member = { kind: 'member' as const, suspended: false, hasApprovedComment: true };
const body = 'A perfectly ordinary comment.';

describe('comment hold policy (first matching rule wins)', () => {
  it('holds a guest comment', () => {
    expect(decideCommentHold({ kind: 'guest' }, body, [])).toEqual({ outcome: 'hold', reason: 'GUEST' });
  });
  it('refuses a suspended author before anything else about members', () => {
    expect(decideCommentHold({ ...member, suspended: true, hasApprovedComment: false }, body, []).outcome).toBe(
      'refuse',
    );
  });
  it("holds a first-time commenter's comment", () => {
    expect(decideCommentHold({ ...member, hasApprovedComment: false }, body, [])).toEqual({
      outcome: 'hold',
      reason: 'FIRST_COMMENT',
    });
  });
  it('holds two or more links, not one', () => {
    expect(decideCommentHold(member, 'see https://a.example and www.b.example', [])).toEqual({
      outcome: 'hold',
      reason: 'LINKS',
    });
    expect(decideCommentHold(member, 'see https://a.example', []).outcome).toBe('publish');
    expect(countLinks('http://x.io https://y.io www.z.io')).toBe(3);
  });
  it('holds whole-word, case-insensitive word-list matches', () => {
    expect(decideCommentHold(member, 'Try the CASINO now', DEFAULT_MODERATION_WORDS)).toEqual({
      outcome: 'hold',
      reason: 'WORD_LIST',
    });
    expect(matchesWordList('occasionally casinos', ['casino'])).toBe(false);
    expect(matchesWordList('a Payday   Loan offer', ['payday loan'])).toBe(true);
  });
  it('publishes everything else', () => {
    expect(decideCommentHold(member, body, DEFAULT_MODERATION_WORDS)).toEqual({ outcome: 'publish' });
  });
});
