import { describe, expect, it } from 'vitest';
import { LIMITS } from '@crossroads/shared-domain';
import { validateArticle } from './article-editor-page.js';

const KB = LIMITS.knowledgeBase;
const valid = { title: 'A title', summary: '', topicSlug: 'pmo', body: 'b'.repeat(KB.body.min) };

describe('validateArticle', () => {
  it('accepts the lengths the API takes, at their edges', () => {
    expect(validateArticle(valid)).toEqual({});
    expect(validateArticle({ ...valid, title: 't'.repeat(KB.title.max), summary: 's'.repeat(KB.summary.max) })).toEqual(
      {},
    );
  });

  it('names each field past its limit, with the limit and the current length', () => {
    expect(
      validateArticle({
        title: 't'.repeat(KB.title.max + 1),
        summary: 's'.repeat(KB.summary.max + 1),
        topicSlug: '',
        body: 'b'.repeat(KB.body.min - 1),
      }),
    ).toEqual({
      title: `Title must be ${KB.title.min}–${KB.title.max} characters (now ${KB.title.max + 1}).`,
      summary: `Summary must be at most ${KB.summary.max} characters (now ${KB.summary.max + 1}).`,
      topicSlug: 'Choose a topic.',
      body: `Body must be 50–60,000 characters (now ${KB.body.min - 1}).`,
    });
  });
});
