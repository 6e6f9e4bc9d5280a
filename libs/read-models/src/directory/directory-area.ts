import type { SqlExecutor } from '#database';
import type { DomainEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Columns, TableDef } from './table.js';
import { TableBuffer } from './table-buffer.js';

/** The buffers of one batch, one per table touched; flushed together at the end of the batch. */
export class DirectoryBatch {
  private readonly buffers = new Map<string, TableBuffer<Columns, string>>();

  to<C extends Columns, K extends keyof C & string>(table: TableDef<C, K>): TableBuffer<C, K> {
    let buffer = this.buffers.get(table.name);
    if (!buffer) {
      buffer = new TableBuffer(table as unknown as TableDef<Columns, string>);
      this.buffers.set(table.name, buffer);
    }
    return buffer as unknown as TableBuffer<C, K>;
  }

  async flush(tx: SqlExecutor, physical: (logical: string) => string): Promise<void> {
    for (const buffer of this.buffers.values()) await buffer.flush(tx, physical(buffer.def.name));
  }
}

export type EventHandler = (event: RecordedEvent, batch: DirectoryBatch) => void;

/** One part of the directory: its tables and how each event type changes them (in memory). */
export interface DirectoryArea {
  readonly tables: readonly TableDef[];
  readonly handlers: readonly (readonly [string, EventHandler])[];
}

/** Types a handler by the domain event it reads; events reach projections already upcast. */
export function on<E extends DomainEvent>(
  type: E['type'],
  handle: (data: E['data'], batch: DirectoryBatch, event: RecordedEvent) => void,
): readonly [string, EventHandler] {
  return [type, (event, batch) => handle(event.data as unknown as E['data'], batch, event)];
}

/** When the event happened in the world, as the ISO string the tables store. */
export const happenedAt = (event: RecordedEvent): string => event.occurredAt.toISOString();
