import { ERROR_REASON_SECTIONS, type ErrorReasonSection } from '#domain';
import { READ_SIDE_ERROR_REASON_SECTIONS } from '#read-models';
import { ACCESS_ERROR_REASONS } from './auth/access.reasons.js';
import { AUTHENTICATION_ERROR_REASONS } from './auth/authentication.reasons.js';
import { DEV_TOKEN_ERROR_REASONS } from './auth/dev-token.reasons.js';
import { COMMAND_ERROR_REASONS } from './command-side/command.reasons.js';
import { EVENT_STORE_ERROR_REASONS } from './command-side/event-store.reasons.js';
import { REQUEST_ERROR_REASONS } from './command-side/request.reasons.js';
import { QUERY_ERROR_REASONS } from './read-side/query.reasons.js';

/** Every reason the API itself refuses with, in the order docs/errors.md lists them (after the read side's). */
export const API_ERROR_REASON_SECTIONS: readonly ErrorReasonSection[] = [
  {
    title: 'API: authentication',
    thrownBy:
      'Reported with code `UNAUTHENTICATED` (HTTP 401) when a request or a graphql-ws socket has no valid bearer token, and by `POST /auth/token` (`{"error": {"code", "reason", "message"}}`) when the API key is not accepted.',
    reasons: AUTHENTICATION_ERROR_REASONS,
  },
  {
    title: 'API: access',
    thrownBy:
      'Thrown by the access guard in front of every operation, and by the result checks of by-id queries (docs/security.md).',
    reasons: ACCESS_ERROR_REASONS,
  },
  {
    title: 'API: requests',
    thrownBy:
      'Reported for any operation: by input validation, and before anything runs for input the database cannot hold or a subscription sent over HTTP.',
    reasons: REQUEST_ERROR_REASONS,
  },
  {
    title: 'API: commands',
    thrownBy:
      'Thrown by the checks the API makes around a mutation: across aggregates (an activity and its carers), and on the reuse of a `commandId`.',
    reasons: COMMAND_ERROR_REASONS,
  },
  {
    title: 'API: queries',
    thrownBy:
      'Thrown by the checks the API makes of query arguments (pagination, positions, time travel) and by the projections admin.',
    reasons: QUERY_ERROR_REASONS,
  },
  {
    title: 'API: event store',
    thrownBy:
      'Reported when the event store refuses an append or cannot be reached: the reason is the code of the store.',
    reasons: EVENT_STORE_ERROR_REASONS,
  },
  {
    title: 'API: development sign-in',
    thrownBy:
      'Reported by `POST /auth/dev-token`, outside production only, with HTTP 400 and `{"error": {"code", "reason", "message"}}`.',
    reasons: DEV_TOKEN_ERROR_REASONS,
  },
];

/** What docs/errors.md lists: the domain's reasons, then the read side's, then the API's. */
export const DOCUMENTED_ERROR_REASON_SECTIONS: readonly ErrorReasonSection[] = [
  ...ERROR_REASON_SECTIONS,
  ...READ_SIDE_ERROR_REASON_SECTIONS,
  ...API_ERROR_REASON_SECTIONS,
];
