import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import { FACT_KEY_COLUMNS, factRowsWriter } from '../shared/index.js';

export const AUDIT_PROJECTION = 'audit';
export const AUDIT_ENTRIES_TABLE = 'rm_audit_entries';

/** Who acted when the metadata does not say (the store requires an actor id, so only a malformed event). */
export const UNKNOWN_ACTOR = 'unknown';

/**
 * A row of rm_audit_entries, as written: positions as decimal text (bigints do not survive JSON),
 * timestamps as ISO strings. Only the event's envelope (id, type, stream, position, times) and its
 * metadata: never `data`, which can hold encrypted personal data and free text (docs/audit.md).
 */
export interface AuditRecord {
  readonly event_id: string;
  readonly pos_commit: string;
  readonly pos_prepare: string;
  readonly event_type: string;
  readonly stream_id: string;
  readonly actor_id: string;
  readonly actor_role: string;
  readonly actor_organisation_id: string | null;
  readonly project_id: string | null;
  readonly territory_id: string | null;
  readonly command_id: string | null;
  readonly occurred_at: string;
  readonly recorded_at: string;
}

const writeEntries = factRowsWriter<AuditRecord>({
  event_type: 'text',
  stream_id: 'text',
  actor_id: 'text',
  actor_role: 'text',
  actor_organisation_id: 'text',
  project_id: 'text',
  territory_id: 'text',
  command_id: 'text',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
});

/** A metadata value as text: strings as they are, numbers stringified, anything else (absent, empty, objects) null. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * The audit row of one event. Reads `event.metadata` (whose shape the store does not enforce
 * beyond an actor id and a correlation id) defensively, and never reads `event.data`.
 */
export function auditRecordOf(event: RecordedEvent): AuditRecord {
  const metadata = (event.metadata ?? {}) as unknown as Record<string, unknown>;
  const actor = (metadata.actor !== null && typeof metadata.actor === 'object' ? metadata.actor : {}) as Record<
    string,
    unknown
  >;
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    event_type: event.type,
    stream_id: event.streamId,
    actor_id: text(actor.id) ?? UNKNOWN_ACTOR,
    actor_role: text(actor.role) ?? UNKNOWN_ACTOR,
    actor_organisation_id: text(actor.organisationId),
    project_id: text(metadata.projectId),
    territory_id: text(metadata.territoryId),
    command_id: text(metadata.commandId),
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: event.recordedAt.toISOString(),
  };
}

/**
 * The admins' audit trail (docs/audit.md): one row per recorded event, saying who did what and
 * when, taken from the event's type and actor metadata only. Append-only and keyed by event id: a
 * batch replayed after a crash writes nothing twice.
 *
 * Unlike the other projections it has no per-type handlers (`eventHandlers`) on purpose: every
 * event becomes the same row, read from the envelope every event shares, and it subscribes to
 * every event type (an empty filter). Handlers would derive a list of the types known today, and
 * an event type added later would then go unaudited until someone added it here; with the empty
 * filter it is audited from its first occurrence without a change.
 */
export const auditProjection: Projection = {
  name: AUDIT_PROJECTION,
  version: 1,
  eventTypes: [],
  tables: [
    {
      name: AUDIT_ENTRIES_TABLE,
      // Newest first is descending log position; every filter index ends with the position so a
      // filtered page is one index range read backwards. Time windows use occurred_at.
      create: (table) => `
        create table ${table} (
          ${FACT_KEY_COLUMNS},
          event_type text not null,
          stream_id text not null,
          actor_id text not null,
          actor_role text not null,
          actor_organisation_id text,
          project_id text,
          territory_id text,
          command_id text,
          occurred_at timestamptz not null,
          recorded_at timestamptz not null
        );`,
      indexes: (table) => `
        create unique index if not exists ${table}_position on ${table} (pos_commit, pos_prepare);
        create index if not exists ${table}_actor on ${table} (actor_id, pos_commit, pos_prepare);
        create index if not exists ${table}_organisation on ${table} (actor_organisation_id, pos_commit, pos_prepare)
          where actor_organisation_id is not null;
        create index if not exists ${table}_project on ${table} (project_id, pos_commit, pos_prepare) where project_id is not null;
        create index if not exists ${table}_type on ${table} (event_type, pos_commit, pos_prepare);
        create index if not exists ${table}_occurred on ${table} (occurred_at);`,
    },
  ],
  async apply(events, { tx, table }) {
    await writeEntries(tx, table(AUDIT_ENTRIES_TABLE), events.map(auditRecordOf));
  },
};
