import { randomUUID } from 'node:crypto';
import {
  activityAggregate,
  barrierAggregate,
  carerAggregate,
  committeeAggregate,
  decisionAggregate,
  evidenceAggregate,
  informationChannelAggregate,
  organisationAggregate,
  partnershipAggregate,
  programmeAggregate,
  projectAggregate,
  suggestionAggregate,
  surveyInstrumentAggregate,
  type EventOfType,
  type PlatformEventType,
} from '#domain';
import type { JsonObject, NewEvent } from '#event-store';

/** A test event: which stream it goes to, what it says, when it happened. */
export interface HistoryEvent {
  readonly streamId: string;
  readonly event: NewEvent;
}

const AGGREGATES: ReadonlyArray<{ readonly schemaVersions?: Readonly<Record<string, number | undefined>> }> = [
  programmeAggregate,
  projectAggregate,
  organisationAggregate,
  partnershipAggregate,
  carerAggregate,
  surveyInstrumentAggregate,
  activityAggregate,
  committeeAggregate,
  informationChannelAggregate,
  decisionAggregate,
  suggestionAggregate,
  evidenceAggregate,
  barrierAggregate,
];

/** Every aggregate's current schema version per event type (1 when not listed): test events are written as new. */
const SCHEMA_VERSIONS: Record<string, number | undefined> = Object.assign(
  {},
  ...AGGREGATES.map((aggregate) => aggregate.schemaVersions ?? {}),
);

const ACTOR = { id: 'tester', role: 'researcher' };

/**
 * Builds an event of a hand-made history; `at` is when the fact happened (an ISO day means noon
 * UTC, or a full date-time). The data is not checked against the event's schema, so a history can
 * record partial or odd data on purpose; `domainFact` checks it. The stream defaults to one per
 * project (or programme).
 */
export function fact(
  type: PlatformEventType,
  data: Record<string, unknown>,
  at: string,
  streamId?: string,
): HistoryEvent {
  const occurredAt = new Date(at.length === 10 ? `${at}T12:00:00.000Z` : at);
  return {
    streamId: streamId ?? `test-${String(data.projectId ?? data.programmeId ?? 'other')}`,
    event: {
      id: randomUUID(),
      type,
      schemaVersion: SCHEMA_VERSIONS[type] ?? 1,
      data: data as JsonObject,
      occurredAt,
      metadata: { actor: ACTOR, correlationId: randomUUID() },
    },
  };
}

/** `fact` with the data checked against the domain's current schema of the event type. */
export function domainFact<T extends PlatformEventType>(
  type: T,
  data: EventOfType<T>['data'],
  at: string,
  streamId?: string,
): HistoryEvent {
  return fact(type, data as unknown as Record<string, unknown>, at, streamId);
}
