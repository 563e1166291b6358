import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './markdown-view.js';
import { linkify, PlainText } from './plain-text.js';
import { safeUrl } from './safe-url.js';

export const XSS_VECTORS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](x"onerror="alert(1))',
  '<img src=x onerror=alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '</noscript><img src=x onerror=alert(1)>',
  '<svg><style><img src=x onerror=alert(1)>',
];

function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, svg, style, iframe, object, embed').length).toBe(0);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on')).toBe(false);
      const v = (el.getAttribute(attr) ?? '').replace(/\s/g, '').toLowerCase();
      expect(v.startsWith('javascript:') || v.startsWith('data:')).toBe(false);
    }
  }
}

describe('MarkdownView', () => {
  it('renders GitHub-flavoured Markdown: emphasis, lists, tables, safe links', () => {
    const { container, getByRole } = render(
      <MarkdownView
        source={
          '**bold** and ~~gone~~\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.com/x) <https://example.org>'
        }
      />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('del')?.textContent).toBe('gone');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('table')).not.toBeNull();
    expect(getByRole('link', { name: 'docs' }).getAttribute('href')).toBe('https://example.com/x');
    expect(getByRole('link', { name: 'docs' }).getAttribute('rel')).toContain('nofollow');
  });

  it('keeps https images and mailto links', () => {
    const { container } = render(
      <MarkdownView source={'![chart](https://example.com/c.png) [mail](mailto:a@example.com)'} />,
    );
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://example.com/c.png');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('mailto:a@example.com');
  });

  it.each(XSS_VECTORS)('renders %s inert', (vector) => {
    const { container } = render(<MarkdownView source={`before ${vector} after`} />);
    expectInert(container);
    expect(container.textContent).toContain('before');
  });

  it('skips raw HTML instead of rendering it', () => {
    const { container } = render(<MarkdownView source={'<b>raw</b> <script>alert(1)</script> text'} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });
});

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '/relative',
    'x"onerror="alert(1)',
    '',
  ])('refuses %j', (url) => expect(safeUrl(url)).toBeNull());
  it.each(['http://example.com', 'https://example.com/a?b=1#c', 'mailto:someone@example.com'])('allows %s', (url) =>
    expect(safeUrl(url)).toBe(url),
  );
});

describe('PlainText / linkify', () => {
  it('links http(s) URLs and leaves trailing punctuation as text', () => {
    expect(linkify('See https://example.com/a, then http://x.org.')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', href: 'https://example.com/a', text: 'https://example.com/a' },
      { type: 'text', text: ', then ' },
      { type: 'link', href: 'http://x.org', text: 'http://x.org' },
      { type: 'text', text: '.' },
    ]);
  });

  it.each(XSS_VECTORS)('shows %s as text only', (vector) => {
    const { container } = render(<PlainText text={`comment ${vector}`} />);
    expect(container.querySelectorAll('*').length).toBe(0);
    expect(container.textContent).toBe(`comment ${vector}`);
  });

  it('does not link javascript: or markdown syntax', () => {
    const { container } = render(<PlainText text={'[x](https://ok.example) javascript:alert(1)'} />);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://ok.example');
  });
});
