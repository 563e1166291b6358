import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCode, errorText, formErrorsFrom, INTERNAL_ERROR_MESSAGE, NETWORK_ERROR_MESSAGE } from './form-errors.js';

const graphqlError = (...errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ data: null, errors });
const FIELDS = ['email', 'handle', 'password'] as const;

describe('formErrorsFrom', () => {
  it('puts a CONFLICT naming a field next to that field', () => {
    const error = graphqlError({
      message: 'That handle is already registered.',
      extensions: { code: 'CONFLICT', field: 'handle' },
    });
    expect(formErrorsFrom(error, FIELDS)).toEqual({
      fields: { handle: 'That handle is already registered.' },
      form: null,
    });
  });

  it('accepts dotted input paths from validation errors', () => {
    const error = graphqlError({
      message: 'email must be a valid email address.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
    });
    expect(formErrorsFrom(error, FIELDS).fields).toEqual({ email: 'email must be a valid email address.' });
  });

  it('shows errors without a known field at form level', () => {
    const error = graphqlError({
      message: 'Too many sign-in attempts. Try again in 40 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 40 },
    });
    expect(formErrorsFrom(error, FIELDS)).toEqual({
      fields: {},
      form: 'Too many sign-in attempts. Try again in 40 s.',
    });
  });

  it('does not echo internal error details', () => {
    const error = graphqlError({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formErrorsFrom(error, FIELDS).form).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it('reports a failed request as a connection problem', () => {
    expect(formErrorsFrom(new TypeError('Failed to fetch'), FIELDS)).toEqual({
      fields: {},
      form: NETWORK_ERROR_MESSAGE,
    });
  });
});

describe('errorText and errorCode', () => {
  it('gives the first error’s message and code', () => {
    const error = graphqlError(
      { message: 'The question is already closed.', extensions: { code: 'CONFLICT' } },
      { message: 'second', extensions: { code: 'NOT_FOUND' } },
    );
    expect(errorText(error)).toBe('The question is already closed.');
    expect(errorCode(error)).toBe('CONFLICT');
  });

  it('hides internal details and names a network failure', () => {
    expect(
      errorText(
        graphqlError({ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ),
    ).toBe(INTERNAL_ERROR_MESSAGE);
    expect(errorText(new TypeError('Failed to fetch'))).toBe(NETWORK_ERROR_MESSAGE);
    expect(errorCode(new TypeError('Failed to fetch'))).toBeNull();
  });
});
