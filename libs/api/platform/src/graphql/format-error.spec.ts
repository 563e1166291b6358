import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { BadInputError, NotFoundError, RateLimitedError } from '../errors/domain-error.js';
import { createErrorFormatter } from './format-error.js';

function format(original: unknown, extensions: Record<string, unknown> = {}) {
  const logged: unknown[] = [];
  const error = new GraphQLError('resolver failed', { originalError: original as Error, path: ['x'], extensions });
  const result = createErrorFormatter((e) => logged.push(e))(
    { message: error.message, path: ['x'], extensions },
    error,
  );
  return { result, logged };
}

describe('createErrorFormatter', () => {
  it('keeps a domain error’s code and details', () => {
    expect(format(new BadInputError('title', 'title is too short.')).result).toEqual({
      message: 'title is too short.',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'title' },
    });
    expect(format(new NotFoundError('Question', 'id')).result.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(format(new RateLimitedError('Slow down.', 42)).result.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 42,
    });
  });

  it('masks an unexpected error and logs it', () => {
    const boom = new Error('relation "secret_table" does not exist at /srv/app/x.js:10');
    const { result, logged } = format(boom, { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.js:10'] });
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([boom]);
  });
});

describe('createErrorFormatter with hideSuggestions', () => {
  it('strips every kind of "Did you mean" hint', () => {
    const formatter = createErrorFormatter(() => undefined, { hideSuggestions: true });
    const messages = [
      'Value "VOTE" does not exist in "QuestionSort" enum. Did you mean the enum value "VOTES"?',
      'Unknown argument "frist" on field "Query.questions". Did you mean "first"?',
      'Cannot query field "x" on type "Node". Did you mean to use an inline fragment on "Question" or "Answer"?',
      'Unknown type "Strin". Did you mean "String", "Int", or "ID"?',
    ];
    for (const message of messages) {
      const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      const result = formatter({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error);
      expect(result.message).not.toMatch(/Did you mean/);
      expect(result.message).toMatch(/\.$/);
    }
  });
});
