import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { RelativeTime, RenderClockContext } from './relative-time.js';

const ISO = '2026-01-01T10:00:00.000Z';
const RENDERED_AT = Date.parse('2026-01-01T12:00:00.000Z');
const tree = (
  <RenderClockContext value={RENDERED_AT}>
    <RelativeTime iso={ISO} prefix="asked" />
  </RenderClockContext>
);

describe('RelativeTime on a server-rendered page', () => {
  it("renders against the render's clock and in UTC on the server", () => {
    const html = renderToString(tree);
    expect(html).toContain('asked <!-- -->2 hours ago');
    expect(html).toContain('title="Jan 1, 2026, 10:00 AM UTC"');
  });

  it("hydrates the server's markup without a mismatch, then shows the browser's clock and zone", async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree);
    const errors = vi.fn();
    await act(async () => {
      hydrateRoot(container, tree, { onRecoverableError: errors });
    });
    expect(errors).not.toHaveBeenCalled();
    const time = container.querySelector('time');
    // Now is not 2026-01-01T12:00: the text follows the real clock once hydrated.
    expect(time?.textContent).not.toBe('asked 2 hours ago');
    expect(time?.getAttribute('title')).not.toMatch(/UTC$/);
  });
});
