import { describe, expect, it } from '@jest/globals';
import { AnchorRegistry, headingText, slugify, tableOfContents } from './headings.js';

describe('slugify', () => {
  it('lower-cases, folds accents and joins words with single dashes', () => {
    expect(slugify('Your first 90 days as a Project Manager!')).toBe('your-first-90-days-as-a-project-manager');
    expect(slugify('  Première   étape — café  ')).toBe('premiere-etape-cafe');
    expect(slugify('Q&A: PMO vs. PM')).toBe('q-and-a-pmo-vs-pm');
  });

  it('is empty when no letter or digit is left, and never ends on a dash when cut', () => {
    expect(slugify('!!! ???')).toBe('');
    expect(slugify('abc def', 4)).toBe('abc');
  });
});

describe('headingText', () => {
  it('drops inline Markdown but keeps the words', () => {
    expect(headingText('Read **the** [PMBOK](https://pmi.org) `guide` _now_')).toBe('Read the PMBOK guide now');
    expect(headingText('<em>Soft</em> skills')).toBe('Soft skills');
  });
});

describe('AnchorRegistry', () => {
  it('suffixes repeated headings in document order', () => {
    const r = new AnchorRegistry();
    expect([r.next('Next steps'), r.next('Next steps'), r.next('Next steps 1'), r.next('Next steps')]).toEqual([
      'next-steps',
      'next-steps-1',
      'next-steps-1-1',
      'next-steps-2',
    ]);
    expect(r.next('***')).toBe('section');
  });
});

describe('tableOfContents', () => {
  const doc = [
    '# From customer service to PM',
    'Intro text with a # that is not a heading.',
    '## Why it works',
    '```md',
    '## Not a heading (inside a fence)',
    '```',
    '### Skills that *transfer* ###',
    '#NoSpace is not a heading',
    '## Why it works',
    '    ## indented code, not a heading',
    '~~~',
    '# still code',
    '~~~',
    '## Next steps',
  ].join('\n');

  it('lists ATX headings outside code with levels, plain text and unique anchors', () => {
    expect(tableOfContents(doc)).toEqual([
      { level: 1, text: 'From customer service to PM', anchor: 'from-customer-service-to-pm' },
      { level: 2, text: 'Why it works', anchor: 'why-it-works' },
      { level: 3, text: 'Skills that transfer', anchor: 'skills-that-transfer' },
      { level: 2, text: 'Why it works', anchor: 'why-it-works-1' },
      { level: 2, text: 'Next steps', anchor: 'next-steps' },
    ]);
  });

  it('filters by level without changing the anchors of the whole document', () => {
    expect(tableOfContents(doc, 2, 2).map((e) => e.anchor)).toEqual(['why-it-works', 'why-it-works-1', 'next-steps']);
  });

  it('is stable: the same body always gives the same anchors', () => {
    expect(tableOfContents(doc)).toEqual(tableOfContents(doc));
    expect(tableOfContents('')).toEqual([]);
  });
});
