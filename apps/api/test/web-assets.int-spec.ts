import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TestApp } from './support/test-app.js';

// The web app as `npm start` serves it: a built folder laid out as the Vite build leaves it
// (apps/web/vite-precompress.ts writes the .br and .gz siblings).
const SCRIPT = `console.log(${JSON.stringify('crossroads '.repeat(400))});`;
const HASHED = '/assets/index-Ab12Cd34.js';

/** Raw bytes and headers (fetch would decode the body itself). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('web app files from npm start', () => {
  let dir: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crossroads-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>Crossroads</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
    );
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, HASHED.slice(1)), SCRIPT);
    writeFileSync(join(dir, `${HASHED.slice(1)}.br`), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, `${HASHED.slice(1)}.gz`), gzipSync(SCRIPT));
    t = await TestApp.start({ webDistDir: dir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli file of a hashed script to a browser that accepts br, immutable for a year', async () => {
    const res = await get(`${t.url}${HASHED}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toContain('Accept-Encoding');
    expect(res.body.equals(brotliCompressSync(SCRIPT))).toBe(true);
    expect(Number(res.headers['content-length'])).toBeLessThan(SCRIPT.length / 5);
  });

  it('sends gzip to a browser without br, and the plain file to one that accepts neither', async () => {
    const gz = await get(`${t.url}${HASHED}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(gzipSync(SCRIPT))).toBe(true);
    const plain = await get(`${t.url}${HASHED}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html (any page path) and unhashed files every time', async () => {
    for (const path of ['/', '/questions/some-id']) {
      const page = await get(`${t.url}${path}`, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body.toString()).toContain('<title>Crossroads</title>');
    }
    const icon = await get(`${t.url}/favicon.svg`);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    expect((await get(`${t.url}/assets/missing-123.js`, { 'accept-encoding': 'br' })).status).toBe(404);
  });
});
