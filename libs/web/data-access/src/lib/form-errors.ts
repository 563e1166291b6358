import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Errors to show on a form: one message per field, and one for the form as a whole. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string | null;
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach Crossroads. Check your connection and try again.';
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * Turns a failed operation into form errors. The API names the offending input field in
 * `extensions.field` (BAD_USER_INPUT, CONFLICT, some NOT_FOUND); a field the form shows gets the
 * message next to it, anything else becomes a form-level message.
 */
export function formErrorsFrom<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: null };
  if (!CombinedGraphQLErrors.is(error)) {
    result.form = NETWORK_ERROR_MESSAGE;
    return result;
  }
  for (const e of error.errors) {
    const code = e.extensions?.['code'];
    const raw = e.extensions?.['field'];
    const field = typeof raw === 'string' ? (raw.replace(/^input\./, '') as F) : undefined;
    if (field && fields.includes(field) && !result.fields[field]) {
      result.fields[field] = e.message;
    } else if (!result.form) {
      result.form = code === 'INTERNAL_SERVER_ERROR' || !e.message ? INTERNAL_ERROR_MESSAGE : e.message;
    }
  }
  if (!result.form && Object.keys(result.fields).length === 0) result.form = INTERNAL_ERROR_MESSAGE;
  return result;
}

/** One sentence for a failed operation shown outside a form (a button's action, a dialog's decision). */
export function errorText(error: unknown): string {
  return formErrorsFrom(error, []).form ?? INTERNAL_ERROR_MESSAGE;
}

/** The first GraphQL error's `extensions.code` (CONFLICT, FORBIDDEN…), or null for a network failure. */
export function errorCode(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}
