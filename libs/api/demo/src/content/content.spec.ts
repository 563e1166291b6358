import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '@crossroads/shared-domain';
import { DEMO_MENTORSHIPS } from './mentorships.js';
import { DEMO_PEOPLE } from './people.js';
import { DEMO_QUESTIONS } from './questions.js';
import type { DemoComment } from './types.js';

const handles = new Set(DEMO_PEOPLE.map((p) => p.handle));
const within = (s: string, r: { min: number; max: number }) => s.trim().length >= r.min && s.trim().length <= r.max;

describe('demo content', () => {
  it('has unique, valid accounts and complete mentor profiles', () => {
    expect(handles.size).toBe(DEMO_PEOPLE.length);
    for (const p of DEMO_PEOPLE) expect(p.handle).toMatch(LIMITS.handle.pattern);
    const m = LIMITS.mentoring;
    for (const p of DEMO_PEOPLE.filter((x) => x.mentor)) {
      const profile = p.mentor!;
      expect(within(profile.headline, m.headline)).toBe(true);
      expect(profile.bio.length).toBeLessThanOrEqual(m.bio.max);
      expect(profile.expertise.length).toBeLessThanOrEqual(m.expertise.max);
      for (const t of profile.expertise) expect(t).toMatch(LIMITS.tag.pattern);
      for (const l of profile.links) expect(l).toMatch(/^https:\/\//);
      for (const c of profile.certifications)
        expect(within(c, { min: m.certifications.itemMin, max: m.certifications.itemMax })).toBe(true);
    }
  });

  it('keeps every question, answer and comment within the product limits', () => {
    const titles = new Set<string>();
    const checkComment = (c: DemoComment) => {
      expect(within(c.body, LIMITS.comment.body)).toBe(true);
      if (c.by) expect(handles.has(c.by)).toBe(true);
      else expect(c.guest && c.held).toBeTruthy();
    };
    for (const q of DEMO_QUESTIONS) {
      expect(titles.has(q.title)).toBe(false);
      titles.add(q.title);
      expect(within(q.title, LIMITS.question.title)).toBe(true);
      expect(within(q.body, LIMITS.question.body)).toBe(true);
      expect(q.tags.length).toBeGreaterThanOrEqual(LIMITS.question.tags.min);
      expect(q.tags.length).toBeLessThanOrEqual(LIMITS.question.tags.max);
      for (const t of q.tags) expect(within(t, LIMITS.tag) && LIMITS.tag.pattern.test(t)).toBe(true);
      expect(handles.has(q.by)).toBe(true);
      expect(q.answers.filter((a) => a.accepted).length).toBeLessThanOrEqual(1);
      q.comments?.forEach(checkComment);
      for (const a of q.answers) {
        expect(within(a.body, LIMITS.answer.body)).toBe(true);
        expect(handles.has(a.by)).toBe(true);
        expect(a.by).not.toBe(q.by);
        a.comments?.forEach(checkComment);
      }
    }
    for (const r of DEMO_MENTORSHIPS) {
      expect(r.questionTitle === undefined || titles.has(r.questionTitle)).toBe(true);
      expect(within(r.message, LIMITS.mentoring.requestMessage)).toBe(true);
    }
  });

  it('spreads about 40 questions over the last two months', () => {
    expect(DEMO_QUESTIONS.length).toBeGreaterThanOrEqual(38);
    const days = DEMO_QUESTIONS.map((q) => q.daysAgo);
    expect(Math.max(...days)).toBeLessThanOrEqual(60);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(1);
  });
});
