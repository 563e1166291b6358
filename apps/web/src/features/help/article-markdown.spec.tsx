import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tableOfContents } from '@crossroads/shared-domain';
import { ArticleMarkdown } from './article-markdown.js';

describe('ArticleMarkdown', () => {
  it('gives headings the ids of the table of contents, skips raw HTML and unsafe links', () => {
    const body = [
      '# Getting started',
      'Intro with <b>raw</b> [bad](javascript:alert(1)).',
      '## Next steps',
      'Setext heading',
      '--------------',
      '```',
      '## not a heading',
      '```',
      '## Next steps',
      '### `PMO` & *you*',
      '## a_b_c',
    ].join('\n');
    const { container } = render(<ArticleMarkdown source={body} />);
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids).toEqual(tableOfContents(body).map((e) => e.anchor));
    expect(ids).toEqual(['getting-started', 'next-steps', 'next-steps-1', 'pmo-and-you', 'abc']);
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.innerHTML).not.toContain('javascript:');
  });
});
