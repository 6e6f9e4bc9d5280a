/**
 * Pure translations between the port's vocabulary and the KurrentDB client's, kept apart from
 * the adapter so every rule can be tested without a server.
 */
import {
  ANY,
  AppendRecordSizeExceededError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  eventTypeFilter,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START as CLIENT_START,
  STREAM_EXISTS,
  streamNameFilter,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  WrongExpectedRevisionError,
  type ActualRevision,
} from '../errors.js';
import type { EventMetadata, JsonObject, JsonValue, NewEvent, RecordedEvent } from '../events.js';
import type { EventFilter, ExpectedRevision } from '../port.js';
import { comparePositions, type GlobalPosition } from '../position.js';

// ---------------------------------------------------------------------------------------------
// Revisions and positions

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

/** The client reports a missing stream as 'no_stream' or, from some server paths, as -1. */
export function toActualRevision(actual: CurrentStreamState): ActualRevision {
  return actual === NO_STREAM || actual < 0n ? 'no_stream' : actual;
}

export function fromClientPosition(position: Position): GlobalPosition {
  return { commit: position.commit, prepare: position.prepare };
}

/**
 * Where a forwards read or a subscription starts. Our START is the pair (0, 0); handing that to
 * the server as a position would make a subscription skip the record at 0 (it starts after the
 * position it is given), so the start of the log travels as the client's own START marker.
 */
export function toReadPosition(after: GlobalPosition | undefined): ReadPosition {
  if (!after || (after.commit === 0n && after.prepare === 0n)) return CLIENT_START;
  return { commit: after.commit, prepare: after.prepare };
}

/** Reads of $all are inclusive of their start position; ours are exclusive of `after`. */
export function isAfter(position: GlobalPosition, after: GlobalPosition | undefined): boolean {
  return after === undefined || comparePositions(position, after) > 0;
}

// ---------------------------------------------------------------------------------------------
// Events

/** What we keep in the KurrentDB metadata JSON besides the port's EventMetadata. */
interface StoredMetadata extends EventMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
}

export function toClientEvent(event: NewEvent): EventData {
  const metadata: StoredMetadata = {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    ...event.metadata,
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...metadata } });
}

/** The fields of a client record this adapter reads; both stream and $all reads satisfy it. */
export interface ClientRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position;
}

export interface ClientResolvedEvent {
  readonly event?: ClientRecord;
  readonly commitPosition?: bigint;
}

/** Events written by other tools lack our metadata: they are kept, with these stand-ins. */
export const UNKNOWN_ACTOR = Object.freeze({ id: 'unknown', role: 'unknown' });
export const DEFAULT_SCHEMA_VERSION = 1;

/** Null when the resolved event carries no record (a link whose target is gone). */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | null {
  const record = resolved.event;
  if (!record) return null;
  const stored = asJsonObject(record.metadata) ?? {};
  const { schemaVersion, occurredAt, ...rest } = stored;
  return {
    id: record.id,
    type: record.type,
    schemaVersion: isSchemaVersion(schemaVersion) ? schemaVersion : DEFAULT_SCHEMA_VERSION,
    data: toData(record.data),
    metadata: toMetadata(rest, record.id),
    occurredAt: parseDate(occurredAt) ?? new Date(record.created),
    streamId: record.streamId,
    revision: record.revision,
    position: recordPosition(record, resolved.commitPosition),
    recordedAt: new Date(record.created),
  };
}

/**
 * Servers before 22.6 send no position with stream reads; then only the resolved event's commit
 * position is known. Taking it for the prepare position too is exact for an event written on
 * its own and an approximation otherwise; modern servers always send the pair.
 */
function recordPosition(record: ClientRecord, commitPosition: bigint | undefined): GlobalPosition {
  if (record.position) return fromClientPosition(record.position);
  const commit = commitPosition ?? 0n;
  return { commit, prepare: commit };
}

function isSchemaVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The client parses JSON itself, but hands back raw bytes when it could not. */
function asJsonObject(value: unknown): JsonObject | null {
  if (isPlainObject(value)) return value;
  if (value instanceof Uint8Array) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(value).toString('utf8'));
      return isPlainObject(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Our data is always a JSON object; anything else is wrapped rather than dropped. */
function toData(data: unknown): JsonObject {
  const object = asJsonObject(data);
  if (object) return object;
  if (data instanceof Uint8Array) return { binary: Buffer.from(data).toString('base64') };
  if (data === undefined) return {};
  return { value: data as JsonValue };
}

function toMetadata(rest: JsonObject, eventId: string): EventMetadata {
  const actor = rest['actor'];
  const validActor =
    isPlainObject(actor) && typeof actor['id'] === 'string' && typeof actor['role'] === 'string'
      ? (actor as unknown as EventMetadata['actor'])
      : { ...UNKNOWN_ACTOR };
  const correlationId = typeof rest['correlationId'] === 'string' ? rest['correlationId'] : eventId;
  return { ...(rest as Partial<EventMetadata>), actor: validActor, correlationId };
}

// ---------------------------------------------------------------------------------------------
// Filters

export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}

/** .NET and JavaScript regexes share these metacharacters; escaping them matches literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface FilterOptions {
  readonly checkpointInterval?: number;
  readonly checkpointReached?: (subscription: AllStreamSubscription, position: Position) => Promise<void> | void;
}

/**
 * The server filters on one field only (event type or stream name). Event types are the more
 * selective choice, so they go to the server when given and stream prefixes are then checked
 * here (`isVisible`); with no filter the server drops system event types. The negative
 * lookahead keeps system names out even when a caller lists one.
 */
export function toClientFilter(filter: EventFilter | undefined, options: FilterOptions = {}): Filter {
  const common = { checkpointInterval: options.checkpointInterval ?? 1, checkpointReached: options.checkpointReached };
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) {
    return eventTypeFilter({ ...common, regex: `^(?!\\$)(?:${types.map(escapeRegex).join('|')})$` });
  }
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) {
    return streamNameFilter({ ...common, regex: `^(?!\\$)(?:${prefixes.map(escapeRegex).join('|')})` });
  }
  return eventTypeFilter({ ...common, regex: '^[^$]' });
}

/** The exact rule the server filter approximates: applied to everything read from $all. */
export function isVisible(event: RecordedEvent, filter?: EventFilter): boolean {
  if (isSystemName(event.type) || isSystemName(event.streamId)) return false;
  const types = filter?.eventTypes ?? [];
  if (types.length > 0 && !types.includes(event.type)) return false;
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0 && !prefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}

export function isFiltered(filter: EventFilter | undefined): boolean {
  return Boolean(filter?.eventTypes?.length || filter?.streamPrefixes?.length);
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface AppendContext {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
}

function fromStreamState(state: AppendStreamState): ExpectedRevision {
  if (state === NO_STREAM) return 'no_stream';
  if (state === STREAM_EXISTS) return 'exists';
  if (state === ANY) return 'any';
  return state;
}

/** Node's own socket errors, for failures that reach us without a gRPC status. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/**
 * The native reader (readStream, readAll) names only some failures; the rest arrive as UnknownError
 * carrying the Rust client's message. These messages are the ones a lost connection produces:
 * a closed connection, and gRPC UNAVAILABLE / DEADLINE_EXCEEDED / CANCELLED statuses it does not map.
 */
const LOST_CONNECTION_MESSAGE =
  /Connection is closed|gRPC connection error|The service is currently unavailable|Deadline (?:exceeded|expired)|The operation was cancelled/;

/**
 * A failure of the connection or of the cluster's ability to serve, not of the request: the same
 * request may succeed later. TimeoutError is the server's commit timeout (no quorum, an election
 * under way) and CancelledError a call the server or a proxy tore down (the client's own
 * cancellations never reach us as errors), so both count. Anything else, an UnknownError included,
 * is the request's own fault or a bug, and surfaces as itself.
 */
function isConnectionFailure(error: Error): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (error instanceof UnknownError) return LOST_CONNECTION_MESSAGE.test(error.message);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // Cluster discovery gives up with a plain Error.
  return /^Failed to discover after \d+ attempts/.test(error.message);
}

/** The server's size limits refuse the append itself: the caller's input, like any invalid event. */
function tooLarge(error: Error): InvalidEventError | null {
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEventError(`The append exceeds KurrentDB's maximum append size of ${error.maxAppendSize} bytes`);
  }
  if (error instanceof AppendRecordSizeExceededError) {
    return new InvalidEventError(
      `Event ${error.recordId} is ${error.size} bytes, above KurrentDB's maximum record size of ${error.maxSize}`,
    );
  }
  return null;
}

/**
 * Appends reject with raw gRPC errors (status code, no class); this gives them the client's class.
 * The client's converter reads `details` unguarded, so an error with a numeric code and no
 * details would make it throw a TypeError in place of the real error.
 */
function toClientError(error: Error): Error {
  try {
    return convertToCommandError(error);
  } catch {
    return error;
  }
}

/**
 * The port's error for a client error, or the error itself when the port has no word for it
 * (access denied, a deleted stream, an error the client could not name): those are faults of
 * the request or the configuration, and retrying will not help, so they must surface as is.
 */
export function toStoreError(error: unknown, append?: AppendContext): unknown {
  if (!(error instanceof Error)) return error;
  const converted = toClientError(error);
  if (converted instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      append?.streamId ?? converted.streamName,
      append?.expected ?? fromStreamState(converted.expectedState),
      toActualRevision(converted.actualState),
    );
  }
  if (isConnectionFailure(converted)) {
    const detail = converted.message || converted.constructor.name;
    return new EventStoreUnavailableError(`KurrentDB is unavailable: ${detail}`, { cause: error });
  }
  return tooLarge(converted) ?? converted;
}
