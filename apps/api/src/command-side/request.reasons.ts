import { reasonExtensions, type AnyReasonList } from '#domain';
import { CODE_BY_CATEGORY } from './error-codes.js';

/** Reasons of the checks every request goes through, before or around its resolvers (GraphQL errors, no `details`). */
export const REQUEST_ERROR_REASONS = {
  VALIDATION_FAILED: {
    category: 'invalid',
    description: 'An input does not pass validation; `extensions.fields` lists every problem.',
  },
  INVALID_TEXT: {
    category: 'invalid',
    description:
      'A variable or a string literal contains U+0000 or an unpaired UTF-16 surrogate, which text may not contain (HTTP 400).',
  },
  DATE_OUT_OF_RANGE: {
    category: 'invalid',
    description: 'A date-time variable or literal is outside the years 0001 to 9999 (HTTP 400).',
  },
  SUBSCRIPTION_OVER_HTTP: {
    code: 'BAD_REQUEST',
    description:
      'A subscription was sent over HTTP: subscriptions are served over WebSocket (graphql-ws) on the same URL.',
  },
} as const satisfies AnyReasonList;

export const requestReason = reasonExtensions(REQUEST_ERROR_REASONS, CODE_BY_CATEGORY);
