import type { RouteObject } from 'react-router';
import { RootLayout } from './root-layout.js';
import { RouteError } from './route-error.js';

/** Every page is its own chunk; the layout (header) ships in the entry chunk. */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../pages/home-page.js')).HomePage }) },
      { path: 'sign-in', lazy: async () => ({ Component: (await import('../features/auth/sign-in-page.js')).SignInPage }) },
      { path: 'sign-up', lazy: async () => ({ Component: (await import('../features/auth/sign-up-page.js')).SignUpPage }) },
      { path: '*', lazy: async () => ({ Component: (await import('../pages/not-found-page.js')).NotFoundPage }) },
    ],
  },
];
