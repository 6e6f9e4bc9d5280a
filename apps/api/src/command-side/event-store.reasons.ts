import { reasonExtensions, type CodedReasonDefinition, type ReasonDefinition } from '#domain';
import type { EventStoreErrorCode } from '#event-store';
import { CODE_BY_CATEGORY } from './error-codes.js';

/** The event store's refusals (one entry per `EventStoreErrorCode`), as the API reports them: the reason is the store's code. */
export const EVENT_STORE_ERROR_REASONS = {
  WRONG_EXPECTED_REVISION: {
    category: 'conflict',
    description: 'The stream was at another revision than the append expected: it changed meanwhile.',
  },
  EVENT_ID_CONFLICT: {
    category: 'conflict',
    description: 'Event ids were already used by different events: a retry must resend the same events.',
  },
  INVALID_EVENT: {
    category: 'invalid',
    description: 'The events to append are not storable (stream id, event ids, type, data or metadata).',
  },
  EVENT_STORE_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    description: 'The event store cannot be reached: try again later.',
  },
} as const satisfies Record<EventStoreErrorCode, ReasonDefinition | CodedReasonDefinition>;

export const eventStoreReason = reasonExtensions(EVENT_STORE_ERROR_REASONS, CODE_BY_CATEGORY);
