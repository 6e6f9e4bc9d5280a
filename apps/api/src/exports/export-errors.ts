import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainError } from '#domain';
import { CODE_BY_CATEGORY } from '../command-side/error-codes.js';

/** The body of every refused export: the code (and reason) GraphQL would give, and a message. */
export interface ExportErrorBody {
  readonly error: {
    readonly code: string;
    readonly reason?: string;
    readonly message: string;
    readonly details?: Record<string, unknown>;
  };
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/**
 * Turns what the API's own checks throw (DomainErrors of the guard, the readers and the time-travel
 * checks; GraphQLErrors of authentication and rate limiting) into an HTTP status and the same
 * stable code and reason GraphQL's `extensions` carry. Anything else is an internal error whose
 * message names no internals, as over GraphQL.
 */
export function exportFailure(error: unknown): { status: number; body: ExportErrorBody } {
  if (error instanceof DomainError) {
    const code = CODE_BY_CATEGORY[error.category];
    return {
      status: STATUS_BY_CODE[code] ?? 400,
      body: {
        error: {
          code,
          reason: error.reason,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
    };
  }
  if (error instanceof GraphQLError) {
    const { code, reason, http, ...rest } = error.extensions as {
      code?: string;
      reason?: string;
      http?: { status?: number };
      [key: string]: unknown;
    };
    const stable = code ?? 'BAD_REQUEST';
    return {
      status: http?.status ?? STATUS_BY_CODE[stable] ?? 400,
      body: {
        error: {
          code: stable,
          ...(reason ? { reason } : {}),
          message: error.message,
          ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
        },
      },
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return { status: error.getStatus(), body: { error: { code: 'BAD_REQUEST', message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } } };
}
