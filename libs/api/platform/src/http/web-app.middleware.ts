import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

// Served by the API, never by the web app's index.html (/dev/mail only exists outside production).
const API_PATHS = /^\/(graphql|health|unsubscribe|follow-ups|dev\/mail|auth\/oidc|uploads|avatars|me\/export)(\/|$)/;

/** Precompressed siblings written at build (apps/web/vite-precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
/** Types of the files the build compresses (the compressed file's own name says nothing). */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web app: its files, and index.html for any other page path so client-side
 * routes load directly. Hashed files under /assets/ are immutable for a year; everything else is
 * revalidated (`no-cache`). A file's brotli or gzip sibling is sent when the browser accepts it.
 * Returns undefined when the app has not been built.
 */
export function webAppMiddleware(dir: string) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const assets = express.static(dir, { index: false, maxAge: '1y', immutable: true });
  const others = express.static(dir, {
    index: false,
    cacheControl: false,
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  const compressed = new Map<string, Set<string>>(); // built file → encodings on disk, looked up once
  const encodingsOf = (path: string): Set<string> => {
    let found = compressed.get(path);
    if (found) return found;
    found = new Set();
    if (path.includes('..') || !existsSync(join(dir, path))) return found; // not remembered: any path may be asked
    for (const e of ENCODINGS) if (existsSync(join(dir, path + e.suffix))) found.add(e.name);
    compressed.set(path, found);
    return found;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path)) return next();
    if (req.path.startsWith('/assets/')) {
      const type = TYPES[extname(req.path)];
      const onDisk = type && (req.method === 'GET' || req.method === 'HEAD') ? encodingsOf(req.path) : undefined;
      if (onDisk?.size) {
        res.setHeader('Vary', 'Accept-Encoding');
        // Our preference (br first) among those the browser accepts at all: browsers list gzip first.
        const chosen = ENCODINGS.find((e) => onDisk.has(e.name) && req.acceptsEncodings(e.name) === e.name);
        if (chosen) {
          res.setHeader('Content-Encoding', chosen.name);
          res.setHeader('Content-Type', type);
          req.url = req.url.replace(/^([^?]*)/, `$1${chosen.suffix}`);
        }
      }
      return assets(req, res, next);
    }
    others(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
