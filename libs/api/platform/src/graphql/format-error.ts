import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors/domain-error.js';

/** Codes produced by the GraphQL layer itself (parsing, validation, variable coercion). */
const GRAPHQL_LAYER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/** graphql-js's hints ("Did you mean "x"?", "… the enum value "X"?", "… to use an inline fragment on …?"). */
const SUGGESTION = /\s*Did you mean\b[^?]*\?/g;

export interface ErrorFormatterOptions {
  /** Strip "Did you mean …?" hints: they describe the schema (production). */
  hideSuggestions?: boolean;
}

/**
 * The one place errors become client-visible: domain errors keep their code and details, GraphQL
 * layer errors their message, and everything else is masked as INTERNAL_SERVER_ERROR (logged in full).
 */
export function createErrorFormatter(logUnexpected: (error: unknown) => void, options: ErrorFormatterOptions = {}) {
  const format = formatError(logUnexpected);
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: result.message.replace(SUGGESTION, '') };
  };
}

function formatError(logUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    // A DomainError thrown by a request plugin (not a resolver) arrives wrapped in a GraphQLError.
    const domain =
      original instanceof DomainError
        ? original
        : original instanceof GraphQLError && original.originalError instanceof DomainError
          ? original.originalError
          : undefined;

    if (domain) {
      return { ...base, message: domain.message, extensions: { code: domain.code, ...domain.details } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: httpMessage(original), extensions: { code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (!original || original instanceof GraphQLError)) {
      if (GRAPHQL_LAYER_CODES.has(code)) return { ...base, message: formatted.message, extensions: { code } };
      if (Object.values(HTTP_STATUS_CODES).includes(code))
        return { ...base, message: formatted.message, extensions: { code } };
    }
    logUnexpected(original ?? error);
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function httpMessage(e: HttpException): string {
  const response = e.getResponse();
  if (typeof response === 'object' && response && 'message' in response) {
    const m = (response as { message: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return e.message;
}
