import type { ExpectedRevision } from './port.js';

/** Stable machine-readable codes; the API maps them once to GraphQL `extensions.code`. */
export type EventStoreErrorCode =
  'WRONG_EXPECTED_REVISION' | 'EVENT_ID_CONFLICT' | 'INVALID_EVENT' | 'EVENT_STORE_UNAVAILABLE';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

export type ActualRevision = bigint | 'no_stream';

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Stream ${streamId} is at revision ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some of the ids were already used by other events: a retry must resend the same events. */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Event ids already used by different events (stream ${streamId}): ${eventIds.join(', ')}`);
    this.name = 'EventIdConflictError';
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
