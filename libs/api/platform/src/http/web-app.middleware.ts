import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { SESSION_HINT_COOKIE } from '@crossroads/shared-domain';

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

/** What the web app's server build exports (apps/web/src/entry-server.tsx). */
interface ServerRenderer {
  warm?(): Promise<void>;
  rendersOnServer(url: string): boolean;
  renderPage(options: {
    url: string;
    template: string;
    manifest: unknown;
    graphqlUrl: string;
    signal?: AbortSignal;
  }): Promise<string | null>;
}

export interface WebAppOptions {
  /** Told when a server render fails or times out (the page is then sent unrendered). */
  onRenderError?: (error: unknown, url: string) => void;
  /** Longest a server render may take before the unrendered page is sent instead. */
  renderTimeoutMs?: number;
}

const gzipAsync = promisify(gzip);

/** The address this request reached, for the render's own GraphQL requests (loopback when bound to all). */
function graphqlUrlOf(req: Request): string {
  let host = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  if (host === '::' || host === '0.0.0.0') host = '127.0.0.1';
  if (host.includes(':')) host = `[${host}]`;
  return `http://${host}:${req.socket.localPort}/graphql`;
}

/**
 * Loads the web app's server renderer (`.ssr/entry-server.js`, written by the web build) and what
 * it renders into: index.html and Vite's manifest. Undefined when the build has none (an older
 * build, or a build without SSR): every page is then the client-rendered app.
 */
function serverRenderer(dir: string) {
  const entry = join(dir, '.ssr', 'entry-server.js');
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(entry) || !existsSync(manifestFile)) return undefined;
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const manifest: unknown = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const loaded = import(pathToFileURL(entry).href) as Promise<ServerRenderer>;
  // The page modules load now, not on the first guest's request; a failure is reported by the first render.
  loaded.then((r) => r.warm?.()).catch(() => undefined);
  return { loaded, template, manifest };
}

/**
 * Serves the built web app: its files, and index.html for any other page path so client-side
 * routes load directly. Hashed files under /assets/ are immutable for a year; everything else is
 * revalidated (`no-cache`). A file's brotli or gzip sibling is sent when the browser accepts it.
 * Returns undefined when the app has not been built.
 */
export function webAppMiddleware(dir: string, options: WebAppOptions = {}) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const ssr = serverRenderer(dir);
  const timeoutMs = options.renderTimeoutMs ?? 3000;

  /**
   * A guest's home or question page rendered on the server (apps/web/src/entry-server.tsx): true
   * when sent. Members (the session hint cookie) get the client-rendered app, as before: their
   * pages hold private data and stay out of anything shared.
   */
  const rendered = async (req: Request, res: Response): Promise<boolean> => {
    if (!ssr || req.method !== 'GET') return false;
    const cookies = req.cookies as Record<string, unknown> | undefined;
    if (cookies?.[SESSION_HINT_COOKIE] !== undefined || req.headers.authorization) return false;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const renderer = await ssr.loaded;
      if (!renderer.rendersOnServer(req.originalUrl)) return false;
      const html = await renderer.renderPage({
        url: req.originalUrl,
        template: ssr.template,
        manifest: ssr.manifest,
        graphqlUrl: graphqlUrlOf(req),
        signal: abort.signal,
      });
      if (html === null || res.headersSent) return false;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      // The same URL is client-rendered for members: caches key on the cookie.
      res.setHeader('Vary', 'Cookie, Accept-Encoding');
      const body = Buffer.from(html);
      if (body.length > 1024 && req.acceptsEncodings('gzip') === 'gzip') {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(await gzipAsync(body, { level: 6 }));
      } else res.end(body);
      return true;
    } catch (e) {
      options.onRenderError?.(e, req.originalUrl);
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

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
      void rendered(req, res).then((sent) => {
        if (sent) return;
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(index);
      });
    });
  };
}
