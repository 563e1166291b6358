import { describe, expect, it } from '@jest/globals';
import { renderEmail } from './render-email.js';
import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from './unsubscribe.js';

const content = {
  preheader: 'A "new" answer',
  heading: 'New answer on <script>alert("x")</script> & friends',
  paragraphs: ['<img src=x onerror=alert(1)> wrote: move into a PMO'],
  action: { label: 'Read <b>it</b>', url: 'https://crossroads.example/q/1?a=1&b=2' },
  footer: 'You follow <this> question.',
  unsubscribeUrl: 'https://crossroads.example/unsubscribe?token=abc.def',
};

describe('renderEmail', () => {
  it('escapes every piece of user text in the HTML and keeps it as written in the text part', () => {
    const { text, html } = renderEmail(content);
    expect(html).not.toMatch(/<script|<img|<b>|<this>/);
    expect(html).toContain('New answer on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends');
    expect(html).toContain('href="https://crossroads.example/q/1?a=1&amp;b=2"');
    expect(text).toContain('New answer on <script>alert("x")</script> & friends');
    expect(text).toContain('Read <b>it</b>: https://crossroads.example/q/1?a=1&b=2');
    expect(text).toContain('Unsubscribe: https://crossroads.example/unsubscribe?token=abc.def');
  });

  it('is one column of at most 600 px with inline styles, no images, the link as a button and as a URL', () => {
    const { html } = renderEmail(content);
    expect(html).toContain('max-width:600px');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<style|<img|<link/);
    expect(html.match(/href="https:\/\/crossroads\.example\/q\/1\?a=1&amp;b=2"/g)).toHaveLength(2);
    expect(html).toContain('>Unsubscribe</a>');
  });

  it('refuses links that are not http(s)', () => {
    expect(() => renderEmail({ ...content, action: { label: 'x', url: 'javascript:alert(1)' } })).toThrow('http');
  });
});

describe('unsubscribe tokens', () => {
  const key = unsubscribeKey('a'.repeat(40));

  it('round-trips, and refuses a changed payload, another key, or an expired link', () => {
    const token = signUnsubscribeToken(key, { userId: 'u1', scope: 's', exp: 2_000_000_000 });
    expect(verifyUnsubscribeToken(key, token)).toEqual({
      ok: true,
      payload: { userId: 'u1', scope: 's', exp: 2_000_000_000 },
    });
    const [, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ userId: 'u2', scope: 's' })).toString('base64url');
    expect(verifyUnsubscribeToken(key, `${other}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyUnsubscribeToken(unsubscribeKey('b'.repeat(40)), token)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyUnsubscribeToken(key, token, 2_000_000_001_000)).toEqual({ ok: false, reason: 'expired' });
  });
});
