import { idFromCommand } from '#command-side';
import { PLATFORM_EVENT_TYPES, upcast, type PlatformEvent, type PlatformEventType } from '#domain';
import type { ReadStreamOptions, RecordedEvent } from '#event-store';
import { ACTIVITY_LINES } from './activity-lines.js';
import { CARER_LINES, COMMUNITY_LINES } from './community-lines.js';
import type { HistoryEntries, HistoryEntry } from './history-entry.js';
import { HistoryNotReplayableError, UnsayableField } from './history.errors.js';
import { RESEARCH_LINES } from './research-lines.js';

export { NOT_REPLAYED } from './not-replayed.js';
export { HistoryNotReplayableError } from './history.errors.js';

/** One line of an import (docs/data-tools.md "Imports") that records an event again. */
export interface HistoryLine {
  /** A GraphQL mutation name from schema.gql. */
  readonly mutation: string;
  /** Exactly that mutation's input, as JSON (ISO strings for DateTime). */
  readonly input: Record<string, unknown>;
  /** ISO: when the record was first known (metadata.knownSince, else when the store accepted it). */
  readonly knownSince: string;
}

/** Every event type of the domain, and how it is exported: a new event type does not compile until it is here. */
export const HISTORY_TABLE: HistoryEntries<PlatformEventType> = {
  ...COMMUNITY_LINES,
  ...CARER_LINES,
  ...ACTIVITY_LINES,
  ...RESEARCH_LINES,
};

const KNOWN_TYPES = new Set<string>(PLATFORM_EVENT_TYPES);

/**
 * The import line that reproduces the command that recorded this event, or null when the event
 * is outside what an import may replay (NOT_REPLAYED). Reads the event as stored, at any schema
 * version. A PartnerMemberRemoved that leavePartnership recorded is mapped to removePartnerMember
 * here, which cannot see the rest of its command: export a whole log with historyLinesOf.
 * Throws HistoryNotReplayableError when the event holds what no mutation can record again.
 */
export function historyLineOf(event: RecordedEvent): HistoryLine | null {
  if (!KNOWN_TYPES.has(event.type))
    throw new HistoryNotReplayableError(event.id, event.type, 'type', `${event.type} is no event type of the domain`);
  const current = upcast(event);
  // The store gives back JSON under a type name; a known type read at its current version is that event.
  const domainEvent = { type: current.type, data: current.data } as unknown as PlatformEvent;
  const entry = HISTORY_TABLE[domainEvent.type] as HistoryEntry<PlatformEventType>;
  if ('notReplayed' in entry) return null;
  let input: Record<string, unknown>;
  try {
    input = (entry.input as (data: PlatformEvent['data']) => Record<string, unknown>)(domainEvent.data);
  } catch (error) {
    if (!(error instanceof UnsayableField)) throw error;
    throw new HistoryNotReplayableError(
      event.id,
      event.type,
      error.field,
      `${event.type} ${event.id} cannot be recorded again by ${entry.mutation}: ${error.message}`,
    );
  }
  return {
    mutation: entry.mutation,
    input: {
      ...(withoutNulls(input) as Record<string, unknown>),
      occurredAt: event.occurredAt.toISOString(),
      // The command's own id makes a re-import a replay; an event without one gets an id of its own, the same every export.
      commandId: event.metadata.commandId ?? idFromCommand(event.id, 'historyLine'),
    },
    knownSince: event.metadata.knownSince ?? event.recordedAt.toISOString(),
  };
}

/**
 * The import lines of a log held in memory, in order: as historyLineOf, except that an event
 * another event of its command reproduces yields no line (FOLLOWING). A streamed export asks the
 * store instead (followsInItsCommand).
 */
export function historyLinesOf(events: readonly RecordedEvent[]): HistoryLine[] {
  return events.flatMap((event, index) => {
    if (
      followedBy(event) &&
      followsAmong(
        event,
        events.slice(index + 1).filter((later) => later.streamId === event.streamId),
      )
    )
      return [];
    const line = historyLineOf(event);
    return line ? [line] : [];
  });
}

interface Following {
  /** The event reproduced by the line of a later event of its command. */
  readonly type: PlatformEventType;
  readonly by: PlatformEventType;
  readonly when: (event: RecordedEvent, later: RecordedEvent) => boolean;
}

/**
 * The events of a command that records several, other than the one whose line records them all.
 * leavePartnership removes each member of the leaving organisation, then records it left.
 */
export const FOLLOWING: readonly Following[] = [
  {
    type: 'PartnerMemberRemoved',
    by: 'OrganisationLeftPartnership',
    when: (event, later) => event.data.organisationId === later.data.organisationId,
  },
];

/** A command's events are appended together: the rest of a command lies within this many events of its stream. */
const COMMAND_EVENTS_MAX = 1_000;

const followedBy = (event: RecordedEvent): boolean => FOLLOWING.some((rule) => rule.type === event.type);

const commandOf = (event: RecordedEvent): string => event.metadata.commandId ?? event.metadata.correlationId;

/**
 * Whether the line of a later event of its command reproduces this event, reading the events after
 * it in its stream (`read`, e.g. the store's readStream) only for the types that may be.
 */
export async function followsInItsCommand(
  event: RecordedEvent,
  read: (options: ReadStreamOptions) => Promise<readonly RecordedEvent[]>,
): Promise<boolean> {
  if (!followedBy(event)) return false;
  return followsAmong(event, await read({ fromRevision: event.revision + 1n, limit: COMMAND_EVENTS_MAX }));
}

/** The events after `event` in its stream, in order: does its command go on to an event whose line records it? */
function followsAmong(event: RecordedEvent, laterInStream: readonly RecordedEvent[]): boolean {
  const rules = FOLLOWING.filter((rule) => rule.type === event.type);
  let revision = event.revision;
  for (const later of laterInStream) {
    if (later.revision !== revision + 1n || commandOf(later) !== commandOf(event)) return false;
    if (rules.some((rule) => rule.by === later.type && rule.when(event, later))) return true;
    revision = later.revision;
  }
  return false;
}

/** The input without the optional fields a null leaves out (the resolvers read a missing one as null). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}
