/** What the sign-in and settings pages say for each reason the API gives (`?oidcError=`). */
const MESSAGES: Record<string, string> = {
  denied: 'Sign-in was cancelled at the provider. Nothing was changed.',
  state: 'That sign-in attempt could not be checked (it expired or came from another tab). Please try again.',
  unverified_email:
    'The provider has not verified your email address, so it cannot be used here. Verify it with the provider, or sign in with a password.',
  no_email: 'The provider did not share an email address, so it cannot be used here.',
  email_in_use:
    'An account already uses that email address. Sign in to it, then link the provider from Settings → Linked sign-ins.',
  already_linked: 'That provider sign-in is already linked to another account.',
  deleted: 'This account was deleted and can no longer be signed in to.',
  failed: 'Signing in with the provider did not work. Please try again.',
};

export function oidcErrorMessage(code: string): string {
  return MESSAGES[code] ?? MESSAGES['failed'] ?? '';
}
