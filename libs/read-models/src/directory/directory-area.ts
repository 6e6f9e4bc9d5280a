import type { SqlExecutor } from '#database';
import type { PlatformEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { EventHandlers } from '#projections';
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

/** How an area's tables change, per event type (in memory, no I/O): `eventHandlers<PlatformEvent, DirectoryBatch>`. */
export type DirectoryHandlers = EventHandlers<PlatformEvent, DirectoryBatch, void>;

/** One part of the directory: its tables and the handlers that fill them. */
export interface DirectoryArea {
  readonly tables: readonly TableDef[];
  readonly handlers: DirectoryHandlers;
}

/** The areas run as one: the event types any of them handles, and a dispatch to each that does. */
export interface ComposedAreas {
  readonly eventTypes: readonly PlatformEvent['type'][];
  handle(event: RecordedEvent, batch: DirectoryBatch): void;
}

/**
 * Composes the areas' handlers. Two areas may handle the same event type (an event that changes
 * tables of both): both run, in the order of the areas, rather than the last one replacing the other.
 */
export function composeAreas(areas: readonly DirectoryArea[]): ComposedAreas {
  const byType = new Map<string, DirectoryHandlers[]>();
  for (const area of areas) {
    for (const type of area.handlers.eventTypes) byType.set(type, [...(byType.get(type) ?? []), area.handlers]);
  }
  return {
    eventTypes: [...byType.keys()] as PlatformEvent['type'][],
    handle(event, batch) {
      for (const handlers of byType.get(event.type) ?? []) handlers.handle(event, batch);
    },
  };
}
