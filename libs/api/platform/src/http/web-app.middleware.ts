import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Served by the API, never by the web app's index.html (/dev/mail only exists outside production).
const API_PATHS = /^\/(graphql|health|unsubscribe|follow-ups|dev\/mail|auth\/oidc|uploads|avatars)(\/|$)/;

/**
 * Serves the built web app: its files, and index.html for any other page path so client-side
 * routes load directly. Returns undefined when the app has not been built.
 */
export function webAppMiddleware(dir: string) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const files = express.static(dir, { index: false, maxAge: '1y', immutable: true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path)) return next();
    if (req.path.startsWith('/assets/')) return files(req, res, next);
    files(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
