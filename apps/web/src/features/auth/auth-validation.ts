import { LIMITS } from '@crossroads/shared-domain';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const SIGN_IN_FIELDS = ['email', 'password'] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];
export type SignInValues = Record<SignInField, string>;

export const SIGN_UP_FIELDS = ['displayName', 'handle', 'email', 'password'] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];
export type SignUpValues = Record<SignUpField, string>;

// Deliberately loose: the server has the last word; this catches typos before a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const HINTS = {
  handle: `${LIMITS.handle.min}–${LIMITS.handle.max} characters: lower-case letters, digits, _ and -. Used in links to your profile.`,
  password: `At least ${LIMITS.password.min} characters and hard to guess: a few unrelated words work well.`,
} as const;

/** What the API receives: trimmed, and the handle and email lower-cased as the API stores them. */
export function normalizeSignUp(values: SignUpValues): SignUpValues {
  return {
    displayName: values.displayName.trim(),
    handle: values.handle.trim().toLowerCase(),
    email: values.email.trim().toLowerCase(),
    password: values.password,
  };
}

export function validateEmail(email: string): string | undefined {
  if (!email) return 'Enter your email address.';
  if (email.length > LIMITS.email.max) return `Email must be at most ${LIMITS.email.max} characters.`;
  if (!EMAIL_SHAPE.test(email)) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function validateSignIn(values: SignInValues): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  else if (email.length > LIMITS.email.max) errors.email = `Email must be at most ${LIMITS.email.max} characters.`;
  if (!values.password) errors.password = 'Enter your password.';
  else if (values.password.length > LIMITS.password.max)
    errors.password = `Password must be at most ${LIMITS.password.max} characters.`;
  return errors;
}

/** Checks normalized sign-up values against the limits the API enforces. */
export function validateSignUp(values: SignUpValues): FieldErrors<SignUpField> {
  const errors: FieldErrors<SignUpField> = {};
  const { displayName, handle, email, password } = values;

  if (displayName.length < LIMITS.displayName.min) errors.displayName = 'Enter the name people will see.';
  else if (displayName.length > LIMITS.displayName.max)
    errors.displayName = `Name must be at most ${LIMITS.displayName.max} characters.`;

  if (!handle) errors.handle = 'Choose a handle.';
  else if (handle.length < LIMITS.handle.min || handle.length > LIMITS.handle.max) {
    errors.handle = `Handle must be ${LIMITS.handle.min} to ${LIMITS.handle.max} characters long.`;
  } else if (!LIMITS.handle.pattern.test(handle)) errors.handle = 'Use only lower-case letters, digits, _ and -.';

  const emailError = validateEmail(email);
  if (emailError) errors.email = emailError;

  if (password.length < LIMITS.password.min)
    errors.password = `Password must be at least ${LIMITS.password.min} characters.`;
  else if (password.length > LIMITS.password.max)
    errors.password = `Password must be at most ${LIMITS.password.max} characters.`;

  return errors;
}
