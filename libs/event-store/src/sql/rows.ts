import type { EventMetadata, JsonObject, RecordedEvent } from '../events.js';

/** Columns every read selects; bigints travel as text so both drivers agree on their type. */
export const EVENT_COLUMNS = `e.transaction_id::text as commit_position, e.position::text as prepare_position,
  e.event_id::text as event_id, e.stream_id, e.revision::text as revision, e.type, e.schema_version,
  e.data, e.metadata, e.occurred_at, e.recorded_at`;

export interface EventRow {
  commit_position: string;
  prepare_position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
  };
}

/** Turns stream-id prefixes into LIKE patterns that match them literally. */
export function prefixPatterns(prefixes: readonly string[]): string[] {
  return prefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
