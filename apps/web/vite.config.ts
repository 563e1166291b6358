import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite-precompress.js';

// The API serves /graphql and /health (and, in production, this app) on one origin.
// apps/web/scripts/dev.mjs sets CROSSROADS_API_URL when the API runs on another port.
const api = process.env['CROSSROADS_API_URL'] ?? 'http://127.0.0.1:3000';
// ws: the live updates (graphql-ws) share /graphql with queries.
const proxy = {
  '/graphql': { target: api, ws: true },
  '/health': api,
  '/unsubscribe': api,
  '/follow-ups': api,
  '/dev/mail': api,
  '/auth/oidc': api,
  '/uploads': api,
  '/avatars': api,
  '/calendar': api,
};

function vendorChunk(id: string): string | null {
  if (!id.includes('/node_modules/')) return null;
  if (/\/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
  if (
    /\/node_modules\/(@apollo|graphql|rxjs|@wry|optimism|tslib|ts-invariant|@graphql-typed-document-node|zen-observable)\//.test(
      id,
    )
  )
    return 'apollo';
  // Everything else (react-aria, Markdown) is only used by lazy pages: let it land in their chunks.
  return null;
}

// `vite build --ssr src/entry-server.tsx`: the server renderer the API loads for guests' pages, kept
// in a dot folder of the app's build (never served: static files skip dotfiles).
const ssrBuild = {
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  build: { outDir: '../../dist/apps/web/.ssr', emptyOutDir: true, copyPublicDir: false },
};

export default defineConfig(({ isSsrBuild }) =>
  isSsrBuild
    ? ssrBuild
    : {
        plugins: [react(), precompress()],
        // Resolves @crossroads/* through the paths in tsconfig.base.json.
        resolve: { tsconfigPaths: true },
        build: {
          outDir: '../../dist/apps/web',
          emptyOutDir: true,
          // .vite/manifest.json: the server renderer preloads a page's route chunk by it.
          manifest: true,
          // Libraries change less often than the app: separate chunks stay cached across releases.
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [{ name: vendorChunk }],
              },
            },
          },
        },
        server: { port: 4200, proxy },
        preview: { port: 4300, proxy },
        test: {
          environment: 'jsdom',
          include: ['src/**/*.spec.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
        },
      },
);
