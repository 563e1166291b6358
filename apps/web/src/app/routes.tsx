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
      {
        path: 'q/:id',
        lazy: async () => ({ Component: (await import('../features/qa/question-page.js')).QuestionPage }),
      },
      { path: 'ask', lazy: async () => ({ Component: (await import('../features/qa/ask-page.js')).AskPage }) },
      { path: 'tags', lazy: async () => ({ Component: (await import('../features/qa/tags-page.js')).TagsPage }) },
      { path: 'u/:handle', lazy: async () => ({ Component: (await import('../features/qa/user-page.js')).UserPage }) },
      {
        path: 'mentors',
        lazy: async () => ({ Component: (await import('../features/mentoring/mentors-page.js')).MentorsPage }),
      },
      {
        path: 'mentor/profile',
        lazy: async () => ({
          Component: (await import('../features/mentoring/mentor-profile-page.js')).MentorProfilePage,
        }),
      },
      {
        path: 'mentorships',
        lazy: async () => ({ Component: (await import('../features/mentoring/mentorships-page.js')).MentorshipsPage }),
      },
      // A mentor's own charts (visx loads with this route only).
      {
        path: 'mentoring/insights',
        lazy: async () => ({
          Component: (await import('../features/insights/mentor-insights-page.js')).MentorInsightsPage,
        }),
      },
      {
        path: 'mentorships/:id',
        lazy: async () => ({ Component: (await import('../features/mentoring/mentorship-page.js')).MentorshipPage }),
      },
      {
        path: 'notifications',
        lazy: async () => ({ Component: (await import('../features/notifications/inbox-page.js')).InboxPage }),
      },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('../features/account/settings-layout.js')).SettingsLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../features/account/settings-index.js')).SettingsIndex }),
          },
          {
            path: 'profile',
            lazy: async () => ({
              Component: (await import('../features/account/profile-settings.js')).ProfileSettings,
            }),
          },
          {
            path: 'email',
            lazy: async () => ({ Component: (await import('../features/account/email-settings.js')).EmailSettings }),
          },
          {
            path: 'password',
            lazy: async () => ({
              Component: (await import('../features/account/password-settings.js')).PasswordSettings,
            }),
          },
          {
            path: 'sessions',
            lazy: async () => ({
              Component: (await import('../features/account/sessions-settings.js')).SessionsSettings,
            }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/settings-page.js')).NotificationSettings,
            }),
          },
          {
            path: 'sign-ins',
            lazy: async () => ({
              Component: (await import('../features/account/sign-ins-settings.js')).SignInsSettings,
            }),
          },
          {
            path: 'delete',
            lazy: async () => ({
              Component: (await import('../features/account/delete-account-settings.js')).DeleteAccountSettings,
            }),
          },
        ],
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('../features/account/password-reset-pages.js')).ForgotPasswordPage,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('../features/account/password-reset-pages.js')).ResetPasswordPage,
        }),
      },
      {
        path: 'verify-email',
        lazy: async () => ({ Component: (await import('../features/account/verify-email-page.js')).VerifyEmailPage }),
      },
      {
        path: 'confirm-email',
        lazy: async () => ({ Component: (await import('../features/account/confirm-email-page.js')).ConfirmEmailPage }),
      },
      {
        path: 'sign-in/link',
        lazy: async () => ({ Component: (await import('../features/account/oidc-sign-in.js')).OidcLinkPage }),
      },
      {
        path: 'account-deleted',
        lazy: async () => ({
          Component: (await import('../features/account/delete-account-settings.js')).AccountDeletedPage,
        }),
      },
      {
        path: 'following',
        lazy: async () => ({ Component: (await import('../features/notifications/following-page.js')).FollowingPage }),
      },
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/sign-in-page.js')).SignInPage }),
      },
      {
        path: 'sign-up',
        lazy: async () => ({ Component: (await import('../features/auth/sign-up-page.js')).SignUpPage }),
      },
      {
        path: 'moderation',
        lazy: async () => ({
          Component: (await import('../features/moderation/moderation-layout.js')).ModerationLayout,
        }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../features/moderation/queue-page.js')).QueuePage }),
          },
          {
            path: 'flags',
            lazy: async () => ({ Component: (await import('../features/moderation/flags-page.js')).FlagsPage }),
          },
          {
            path: 'messages',
            lazy: async () => ({
              Component: (await import('../features/moderation/message-reports-page.js')).MessageReportsPage,
            }),
          },
          {
            path: 'appeals',
            lazy: async () => ({
              Component: (await import('../features/moderation/pause-appeals-page.js')).PauseAppealsPage,
            }),
          },
          {
            path: 'log',
            lazy: async () => ({ Component: (await import('../features/moderation/log-page.js')).LogPage }),
          },
          {
            path: 'suspensions',
            lazy: async () => ({
              Component: (await import('../features/moderation/suspensions-page.js')).SuspensionsPage,
            }),
          },
          {
            path: 'words',
            lazy: async () => ({ Component: (await import('../features/moderation/words-page.js')).WordsPage }),
          },
          {
            path: 'roles',
            lazy: async () => ({ Component: (await import('../features/moderation/roles-page.js')).RolesPage }),
          },
          // Charts (visx) load with this route only: the initial bundle is unchanged.
          {
            path: 'insights',
            lazy: async () => ({ Component: (await import('../features/insights/insights-page.js')).InsightsPage }),
          },
        ],
      },
      {
        path: 'help',
        lazy: async () => ({ Component: (await import('../features/help/help-home-page.js')).HelpHomePage }),
      },
      {
        path: 'help/editor',
        lazy: async () => ({ Component: (await import('../features/help/article-editor-page.js')).ArticleEditorPage }),
      },
      {
        path: 'help/feedback',
        lazy: async () => ({ Component: (await import('../features/help/feedback-list-page.js')).FeedbackListPage }),
      },
      {
        path: 'help/articles/:slug',
        lazy: async () => ({ Component: (await import('../features/help/article-page.js')).ArticlePage }),
      },
      {
        path: 'help/articles/:slug/edit',
        lazy: async () => ({ Component: (await import('../features/help/article-editor-page.js')).ArticleEditorPage }),
      },
      {
        path: 'help/:topicSlug',
        lazy: async () => ({ Component: (await import('../features/help/topic-page.js')).TopicPage }),
      },
      {
        path: 'forbidden',
        lazy: async () => ({ Component: (await import('../pages/forbidden-page.js')).ForbiddenPage }),
      },
      { path: '*', lazy: async () => ({ Component: (await import('../pages/not-found-page.js')).NotFoundPage }) },
    ],
  },
];
