import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LIMIT_CODES } from './limit-refusal.js';

/** What body-parser raises for a body over its limit. */
interface TooLarge {
  readonly type: 'entity.too.large';
  readonly limit: number;
  /** The declared Content-Length, when there was one. */
  readonly length?: number;
  /** The bytes read before giving up (chunked bodies). */
  readonly received?: number;
}

function isTooLarge(error: unknown): error is TooLarge {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large';
}

/** The 413 answer as a GraphQL response, so clients read it like any other refusal. */
export function payloadTooLargeBody(limit: number, measured: number | undefined) {
  const size = measured === undefined ? `more than ${limit} bytes` : `${measured} bytes`;
  return {
    errors: [
      {
        message: `The request body of ${size} exceeds the limit of ${limit} bytes`,
        extensions: {
          code: LIMIT_CODES.body,
          limit,
          ...(measured === undefined ? {} : { measured }),
        },
      },
    ],
  };
}

function payloadTooLarge(
  error: unknown,
  _req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (!isTooLarge(error)) return next(error);
  const measured =
    error.length ?? (error.received !== undefined && error.received > error.limit ? error.received : undefined);
  res.statusCode = 413;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payloadTooLargeBody(error.limit, measured)));
}

/**
 * Request bodies (JSON, and form bodies as Nest parsed them by default) are parsed up to
 * `REQUEST_BODY_LIMIT_BYTES`; a larger one is refused with HTTP 413 and PAYLOAD_TOO_LARGE before
 * anything else runs. Requires the application to be created with `bodyParser: false`.
 */
export function useBodyLimit(app: INestApplication, limitBytes: number): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: limitBytes });
  express.useBodyParser('urlencoded', { limit: limitBytes, extended: true });
  express.use(payloadTooLarge);
}
