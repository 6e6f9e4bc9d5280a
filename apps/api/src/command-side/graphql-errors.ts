import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '#domain';
import { EventStoreError } from '#event-store';
import { asIntrospectionRefusal } from '../limits/introspection.js';
import { CODE_BY_CATEGORY } from './error-codes.js';
import { eventStoreReason } from './event-store.reasons.js';
import { requestReason } from './request.reasons.js';

interface ValidationFailure {
  getResponse(): { message?: string | string[] };
  getStatus(): number;
}

function isValidationFailure(error: unknown): error is ValidationFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ValidationFailure).getStatus === 'function' &&
    (error as ValidationFailure).getStatus() === 400
  );
}

/**
 * An error graphql-js or Apollo raised about the request itself before any resolver ran (no path,
 * no underlying cause), e.g. a persisted-query hash that does not match its query, or too many
 * invalid variables: the client's mistake, whose message names no internals.
 */
function isRequestError(error: unknown): boolean {
  return error instanceof GraphQLError && !error.originalError && !error.path;
}

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: CODE_BY_CATEGORY[original.category], reason: original.reason, details: original.details },
    };
  }
  if (original instanceof EventStoreError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: eventStoreReason(original.code),
    };
  }
  if (isValidationFailure(original)) {
    const messages = original.getResponse().message;
    const list = Array.isArray(messages) ? messages : [messages ?? 'Invalid input'];
    return {
      message: list.join('; '),
      path: formatted.path,
      extensions: { ...requestReason('VALIDATION_FAILED'), fields: list },
    };
  }
  const introspectionRefusal = asIntrospectionRefusal(formatted);
  if (introspectionRefusal) return introspectionRefusal;
  const code = formatted.extensions?.code;
  if ((code === 'INTERNAL_SERVER_ERROR' || code === undefined) && isRequestError(original)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    // Never leak internals (SQL, stack traces) to clients.
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  // Apollo adds a server stack trace outside production; it tells a client nothing it needs.
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
