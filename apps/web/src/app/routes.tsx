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
      { index: true, lazy: async () => ({ Component: (await import('../features/qa/home-page.js')).HomePage }) },
      { path: 'q/:id', lazy: async () => ({ Component: (await import('../features/qa/question-page.js')).QuestionPage }) },
      { path: 'ask', lazy: async () => ({ Component: (await import('../features/qa/ask-page.js')).AskPage }) },
      { path: 'tags', lazy: async () => ({ Component: (await import('../features/qa/tags-page.js')).TagsPage }) },
      { path: 'u/:handle', lazy: async () => ({ Component: (await import('../features/qa/user-page.js')).UserPage }) },
      { path: 'sign-in', lazy: async () => ({ Component: (await import('../features/auth/sign-in-page.js')).SignInPage }) },
      { path: 'sign-up', lazy: async () => ({ Component: (await import('../features/auth/sign-up-page.js')).SignUpPage }) },
      { path: 'forbidden', lazy: async () => ({ Component: (await import('../pages/forbidden-page.js')).ForbiddenPage }) },
      { path: '*', lazy: async () => ({ Component: (await import('../pages/not-found-page.js')).NotFoundPage }) },
    ],
  },
];
