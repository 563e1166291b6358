import { describe, expect, it } from '@jest/globals';
import { LIMITS, type Role } from '@crossroads/shared-domain';
import type { Principal } from '@crossroads/api-platform';
import { canSee, seesAllDrafts } from '../common/access.js';
import { attributedBody } from './attribution.js';
import { firstFreeSlug, slugStem } from './free-slug.js';

const viewer = (id: string, role: Role) => ({ id, handle: id, role }) as Principal;

describe('who sees an article', () => {
  const draft = { status: 'DRAFT', authorId: 'mentor-1' };
  const published = { status: 'PUBLISHED', authorId: 'mentor-1' };

  it('everyone sees published articles, guests included', () => {
    expect(canSee(null, published)).toBe(true);
    expect(canSee(viewer('m', 'MEMBER'), published)).toBe(true);
  });

  it('drafts: moderators and admins all, the author their own, nobody else', () => {
    expect(canSee(viewer('mod', 'MODERATOR'), draft)).toBe(true);
    expect(canSee(viewer('adm', 'ADMIN'), draft)).toBe(true);
    expect(canSee(viewer('mentor-1', 'MENTOR'), draft)).toBe(true);
    expect(canSee(viewer('mentor-2', 'MENTOR'), draft)).toBe(false);
    expect(canSee(viewer('m', 'MEMBER'), draft)).toBe(false);
    expect(canSee(null, draft)).toBe(false);
    expect([
      seesAllDrafts(null),
      seesAllDrafts(viewer('x', 'MENTOR')),
      seesAllDrafts(viewer('y', 'MODERATOR')),
    ]).toEqual([false, false, true]);
  });
});

describe('a promoted article', () => {
  it('takes the first free slug', () => {
    expect(firstFreeSlug('get-into-pm', [])).toBe('get-into-pm');
    expect(firstFreeSlug('get-into-pm', ['get-into-pm', 'get-into-pm-2', 'get-into-pm-4'])).toBe('get-into-pm-3');
  });

  it('keeps room for the suffix and drops a trailing dash', () => {
    const stem = slugStem(`${'a'.repeat(LIMITS.knowledgeBase.slug.max - 5)}-bbbbbbbb`);
    expect(stem.length).toBeLessThanOrEqual(LIMITS.knowledgeBase.slug.max - 4);
    expect(stem.endsWith('-')).toBe(false);
    expect(`${stem}-999`.length).toBeLessThanOrEqual(LIMITS.knowledgeBase.slug.max);
  });

  it('credits the asker and the answerer and links the thread; the title cannot break the link', () => {
    const body = attributedBody({
      questionId: 'q1',
      title: 'From [support] to *PM*',
      question: ' Q? ',
      answer: ' A. ',
      asker: 'ann',
      answerer: 'bob',
    });
    expect(body.split('\n')[0]).toBe(
      '> **From the community.** Adapted from the question [From \\[support\\] to \\*PM\\*](/q/q1) asked by @ann, with the accepted answer by @bob.',
    );
    expect(body).toContain('## The question\n\nQ?\n\n## The answer\n\nA.\n');
    expect(body).toContain('[Read the full thread](/q/q1)');
  });
});
