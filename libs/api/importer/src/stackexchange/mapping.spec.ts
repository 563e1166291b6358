import { describe, expect, it } from '@jest/globals';
import { handleCandidates, licenceFor, parseDumpDate, parseTags, postProblem, siteKey } from './mapping.js';

const question = {
  Id: '12',
  PostTypeId: '1',
  CreationDate: '2011-10-11T19:42:20.713',
  Title: 'How do I move from support to PM?',
  Body: '<p>Hi</p>',
};
const answer = {
  Id: '13',
  PostTypeId: '2',
  ParentId: '12',
  CreationDate: '2019-01-01T00:00:00.000',
  Body: '<p>Volunteer.</p>',
};

describe('Stack Exchange rows', () => {
  it('accept well-formed questions and answers', () => {
    expect(postProblem(question)).toBeNull();
    expect(postProblem(answer)).toBeNull();
  });

  it.each([
    ['no Id', { ...question, Id: undefined }, 'missing or invalid Id'],
    ['a wiki post', { ...question, PostTypeId: '5' }, 'ignored'],
    ['a garbled type', { ...question, PostTypeId: 'x' }, 'missing or invalid PostTypeId'],
    ['a bad date', { ...question, CreationDate: 'yesterday' }, 'missing or invalid CreationDate'],
    ['no Body', { ...question, Body: undefined }, 'missing Body'],
    ['a blank Title', { ...question, Title: '  ' }, 'question without Title'],
    ['an orphan answer', { ...answer, ParentId: '' }, 'answer without a valid ParentId'],
  ])('refuse %s', (_label, row, problem) => {
    expect(postProblem(row as Record<string, string>)).toBe(problem);
  });

  it('read dump dates as UTC', () => {
    expect(parseDumpDate('2011-10-11T19:42:20.713')?.toISOString()).toBe('2011-10-11T19:42:20.713Z');
    expect(parseDumpDate('2011-10-11T19:42:20+02:00')?.toISOString()).toBe('2011-10-11T17:42:20.000Z');
    expect(parseDumpDate('')).toBeNull();
  });

  it('keep up to five valid tags, in either dump format, and report the rest', () => {
    expect(parseTags('<career-change><Project-Management><c#>')).toEqual({
      valid: ['career-change', 'project-management', 'c#'],
      invalid: [],
    });
    expect(parseTags('|a|ok-tag|ok-tag|')).toEqual({ valid: ['ok-tag'], invalid: ['a'] });
    expect(parseTags('<t1><t2><t3><t4><t5><t6>').invalid).toEqual(['t6']);
  });

  it('license posts by their date and make handles from names', () => {
    expect([licenceFor(new Date('2018-05-01T23:59:59Z')), licenceFor(new Date('2018-05-02T00:00:00Z'))]).toEqual([
      'CC BY-SA 3.0',
      'CC BY-SA 4.0',
    ]);
    expect(siteKey('history.meta.stackexchange.com')).toBe('hms');
    expect(handleCandidates('José Müller', '-1', 'wp')).toEqual(['jose-muller', 'jose-muller-wpm1']);
    expect(handleCandidates('Ω', '42', 'wp')).toEqual(['user-wp42']);
  });
});
