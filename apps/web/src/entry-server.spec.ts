import { describe, expect, it } from 'vitest';
import { jsonForHtml, rendersOnServer } from './entry-server.js';

describe('server render', () => {
  it('escapes the page state so no text in it can end its <script> or start markup', () => {
    const value = { body: '</script><script>alert(1)</script><!-- & \u2028\u2029 $&' };
    const json = jsonForHtml(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('renders guests’ home and question pages only (not searches, not other routes)', () => {
    expect(rendersOnServer('/')).toBe(true);
    expect(rendersOnServer('/?sort=VOTES&tag=pmo')).toBe(true);
    expect(rendersOnServer('/q/123')).toBe(true);
    expect(rendersOnServer('/q/123?utm_source=mail')).toBe(true);
    expect(rendersOnServer('/?q=agile')).toBe(false);
    expect(rendersOnServer('/?sort=VOTES&x=1')).toBe(false);
    expect(rendersOnServer('/q/123/edit')).toBe(false);
    expect(rendersOnServer('/mentors')).toBe(false);
  });
});
