import { API_KEY_ERROR_REASONS } from '#auth';
import { COMMAND_SIDE_ERROR_REASONS } from '#command-side';
import { ERROR_REASON_SECTIONS, type ErrorReasonSection } from '#domain';
import { PRIVACY_ERROR_REASONS } from '#privacy';
import { PROJECTION_ADMIN_ERROR_REASONS } from '#projections';
import { READ_SIDE_ERROR_REASON_SECTIONS } from '#read-models';
import { ACCESS_ERROR_REASONS } from './auth/access.reasons.js';
import { AUTHENTICATION_ERROR_REASONS } from './auth/authentication.reasons.js';
import { DEV_TOKEN_ERROR_REASONS } from './auth/dev-token.reasons.js';
import { COMMAND_ERROR_REASONS } from './command-side/command.reasons.js';
import { EVENT_STORE_ERROR_REASONS } from './command-side/event-store.reasons.js';
import { REQUEST_ERROR_REASONS } from './command-side/request.reasons.js';
import { IMPORT_ERROR_REASONS } from './imports/imports.reasons.js';
import { QUERY_ERROR_REASONS } from './read-side/query.reasons.js';
import { EXPORT_ERROR_REASONS } from './exports/exports.reasons.js';
import { DECISION_INPUT_ERROR_REASONS } from './decision/decision-input.reasons.js';

/**
 * Every reason the libraries between the domain and the API refuse with (each list beside its code:
 * libs/command-side, libs/privacy, libs/auth, libs/projections), in the order docs/errors.md lists
 * them (after the domain's).
 */
export const LIBRARY_ERROR_REASON_SECTIONS: readonly ErrorReasonSection[] = [
  {
    title: 'Command side',
    thrownBy:
      'Thrown around the decider of a command: when the project or organisation it names was never created (project-scoped queries check the project too), when it changes nothing, and when its append keeps losing to concurrent writers.',
    reasons: COMMAND_SIDE_ERROR_REASONS,
  },
  {
    title: "Privacy: carers' personal data",
    thrownBy:
      'Thrown by the carer key vault, which checks the carer id on every call and the personal data it seals (`registerCarer`, `updateCarerPersonalData`) before any event is written.',
    reasons: PRIVACY_ERROR_REASONS,
  },
  {
    title: 'API keys',
    thrownBy:
      'Thrown by `createApiKey` and `revokeApiKey` (docs/security.md); presenting a key is checked by authentication (below).',
    reasons: API_KEY_ERROR_REASONS,
  },
  {
    title: 'Projections admin',
    thrownBy: 'Thrown by the mutations that pause, resume, retry, skip or rebuild a projection (docs/projections.md).',
    reasons: PROJECTION_ADMIN_ERROR_REASONS,
  },
];

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
    title: 'API: decisions',
    thrownBy:
      "Thrown by `takeDecision` before the decider sees the input (the Decision aggregate's own reasons are above).",
    reasons: DECISION_INPUT_ERROR_REASONS,
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
    title: 'API: exports',
    thrownBy:
      'Reported by `GET /exports/...` (docs/data-tools.md) with HTTP 400 or 404 and `{"error": {"code", "reason", "message", "details"}}`; every other refusal of an export is the one GraphQL gives.',
    reasons: EXPORT_ERROR_REASONS,
  },
  {
    title: 'API: development sign-in',
    thrownBy:
      'Reported by `POST /auth/dev-token`, outside production only, with HTTP 400 and `{"error": {"code", "reason", "message"}}`.',
    reasons: DEV_TOKEN_ERROR_REASONS,
  },
  {
    title: 'API: imports',
    thrownBy:
      'Reported by `POST /imports` (docs/data-tools.md): for the whole request in its HTTP error body `{"error": {"code", "reason", "message"}}`, for one line as the `code` of its result (a line the mutation refuses carries the mutation\'s own reason).',
    reasons: IMPORT_ERROR_REASONS,
  },
];

/** What docs/errors.md lists: the domain's reasons, then the other libraries', the read side's, the API's. */
export const DOCUMENTED_ERROR_REASON_SECTIONS: readonly ErrorReasonSection[] = [
  ...ERROR_REASON_SECTIONS,
  ...LIBRARY_ERROR_REASON_SECTIONS,
  ...READ_SIDE_ERROR_REASON_SECTIONS,
  ...API_ERROR_REASON_SECTIONS,
];
