import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '#database';
import type { EventMetadata, GlobalPosition, JsonObject, RecordedEvent } from '#event-store';
import { physicalTable } from '#projections';
import { readModelTestDatabases, type ReadModelTestDatabase } from '../../testing/index.js';
import { auditProjection } from '../audit.projection.js';

/** A database an audit spec runs on, and how to get rid of it afterwards. */
export type AuditTestDatabase = ReadModelTestDatabase;

/**
 * Where the audit specs run: PostgreSQL when DATABASE_URL is set (CI always sets it), in a schema
 * of the suite's own, and PGlite always (the embedded default).
 */
export function auditTestDatabases(): Array<[string, () => Promise<AuditTestDatabase>]> {
  return readModelTestDatabases('audit');
}

/** Applies events to generation 1 as the engine would: each batch in one transaction. */
export async function applyAudit(database: SqlDatabase, batches: readonly (readonly RecordedEvent[])[]): Promise<void> {
  for (const batch of batches) {
    await database.transaction((tx) => auditProjection.apply(batch, { tx, table: (name) => physicalTable(name, 1) }));
  }
}

export interface RecordedOptions {
  readonly position: GlobalPosition | number;
  readonly actor?: { id: string; role: string; organisationId?: string };
  readonly projectId?: string;
  readonly territoryId?: string;
  readonly commandId?: string;
  readonly occurredAt?: string;
  /** Defaults to occurredAt. */
  readonly recordedAt?: string;
  readonly streamId?: string;
  readonly data?: Record<string, unknown>;
  readonly id?: string;
}

/** A recorded event as the store hands it to a projection, with a chosen position and metadata. */
export function recorded(type: string, options: RecordedOptions): RecordedEvent {
  const position =
    typeof options.position === 'number'
      ? { commit: BigInt(options.position), prepare: BigInt(options.position) }
      : options.position;
  const occurredAt = options.occurredAt ?? '2025-03-01T10:00:00.000Z';
  const metadata: EventMetadata = {
    actor: options.actor ?? { id: 'researcher-7', role: 'researcher', organisationId: 'org-university' },
    correlationId: randomUUID(),
    ...(options.commandId ? { commandId: options.commandId, causationId: options.commandId } : {}),
    ...(options.projectId ? { projectId: options.projectId } : {}),
    ...(options.territoryId ? { territoryId: options.territoryId } : {}),
  };
  return {
    id: options.id ?? randomUUID(),
    type,
    schemaVersion: 1,
    data: (options.data ?? {}) as JsonObject,
    metadata,
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(options.recordedAt ?? occurredAt),
    streamId: options.streamId ?? `stream-${type}`,
    revision: 0n,
    position,
  };
}
