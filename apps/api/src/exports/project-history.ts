import type { EventStore, RecordedEvent } from '#event-store';
import { exportError } from './exports.reasons.js';
import { followsInItsCommand, historyLineOf, type HistoryLine } from './history/history-line.js';
import { HistoryNotReplayableError } from './history/history.errors.js';

/** Events read per page of the log: a page at a time, never the whole log in memory. */
const PAGE = 1_000;
/** Events a refusal names, at most. */
const NAMED = 10;

/**
 * The events that set up what projects stand on (programmes and territories, organisations,
 * survey instruments) carry no project in their metadata. Each is about one subject, named by the
 * first of these fields its data holds.
 */
const SUBJECT_FIELDS = ['territoryId', 'organisationId', 'instrumentId', 'programmeId'] as const;

export interface HistoryWindow {
  /** Only what had happened by then (occurredAt). */
  readonly asOf: Date | null;
  /** Only what had been recorded by then (knownSince, else recordedAt). */
  readonly knownAt: Date | null;
}

const knownSinceOf = (event: RecordedEvent): Date =>
  event.metadata.knownSince ? new Date(event.metadata.knownSince) : event.recordedAt;

const inWindow = (event: RecordedEvent, window: HistoryWindow): boolean =>
  (!window.asOf || event.occurredAt <= window.asOf) && (!window.knownAt || knownSinceOf(event) <= window.knownAt);

/** Every id a piece of event data names (fields `…Id` and `…Ids`, at any depth). */
function namedIds(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (key.endsWith('Id')) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value)
      if (typeof item === 'string') {
        if (key.endsWith('Ids')) into.add(item);
      } else namedIds(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [field, item] of Object.entries(value)) namedIds(item, into, field);
  }
}

function subjectOf(event: RecordedEvent): string | null {
  for (const field of SUBJECT_FIELDS) {
    const id = (event.data as Record<string, unknown>)[field];
    if (typeof id === 'string') return id;
  }
  return null;
}

async function* everyEvent(store: EventStore): AsyncGenerator<RecordedEvent> {
  let after: RecordedEvent['position'] | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after === undefined ? {} : { after }), limit: PAGE });
    yield* page.events;
    if (page.caughtUp || page.events.length === 0) return;
    after = page.resumeAfter;
  }
}

/** The set-up events the project's records name, following names until none is new (a territory names its programme). */
function namedSetUp(setUp: readonly RecordedEvent[], named: Set<string>): Set<string> {
  const kept = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const event of setUp)
      if (!kept.has(event.id) && named.has(subjectOf(event)!)) {
        kept.add(event.id);
        namedIds(event.data, named);
        grew = true;
      }
  }
  return kept;
}

/**
 * A project's history as import lines (docs/data-tools.md#project-history): every command of the
 * project, and before them, in log order, those that set up what its records name (its programme
 * and territory, the partner organisations, the survey instruments), never another territory's.
 *
 * The log is read twice. The first read finds what the project names (holding only the set-up
 * events, which are few) and checks that every event can be said again as a mutation, so a
 * history that cannot be exported is refused (HISTORY_NOT_REPLAYABLE) before the first byte,
 * never cut short midway. The second read streams the lines.
 */
export async function projectHistoryLines(
  store: EventStore,
  projectId: string,
  window: HistoryWindow,
): Promise<AsyncGenerator<HistoryLine>> {
  const named = new Set<string>([projectId]);
  const setUp: RecordedEvent[] = [];
  const unsayable: HistoryNotReplayableError[] = [];
  for await (const event of everyEvent(store)) {
    if (!inWindow(event, window)) continue;
    if (event.metadata.projectId === projectId) {
      namedIds(event.data, named);
      try {
        historyLineOf(event);
      } catch (error) {
        if (!(error instanceof HistoryNotReplayableError)) throw error;
        unsayable.push(error);
      }
    } else if (event.metadata.projectId === undefined && subjectOf(event) !== null) setUp.push(event);
  }
  if (unsayable.length > 0) {
    const [first] = unsayable;
    throw exportError(
      'HISTORY_NOT_REPLAYABLE',
      `${unsayable.length} event(s) of the project cannot be recorded again by a mutation; the first: ${first!.message}`,
      {
        count: unsayable.length,
        events: unsayable
          .slice(0, NAMED)
          .map((error) => `${error.eventId} (${error.eventType}.${error.field})`)
          .join(', '),
      },
    );
  }
  const kept = namedSetUp(setUp, named);

  return (async function* lines(): AsyncGenerator<HistoryLine> {
    for await (const event of everyEvent(store)) {
      if (!inWindow(event, window) || (event.metadata.projectId !== projectId && !kept.has(event.id))) continue;
      if (await followsInItsCommand(event, (after) => store.readStream(event.streamId, after))) continue;
      const line = historyLineOf(event);
      if (line) yield line;
    }
  })();
}
