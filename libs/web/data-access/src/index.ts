export * from './generated/graphql.js';
export {
  AuthSession,
  type AuthSessionOptions,
  type Refresher,
  type SessionEvent,
  type SessionPayload,
} from './lib/auth-session.js';
export { createAuthLink } from './lib/auth-link.js';
export { createCookieRefresher, hasSessionCookie, type CookieRefresherOptions } from './lib/cookie-refresher.js';
export {
  createCache,
  createCrossroadsClient,
  type CrossroadsClient,
  type CrossroadsClientOptions,
} from './lib/apollo-client.js';
export {
  errorCode,
  errorText,
  formErrorsFrom,
  INTERNAL_ERROR_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  type FormErrors,
} from './lib/form-errors.js';
export {
  CrossroadsProvider,
  useAuthSession,
  useCurrentUser,
  useSignIn,
  useSignOut,
  useSignUp,
} from './lib/session-react.js';
