import type { Projection } from '../projection.js';

/**
 * A projection for engine tests: counts events per stream, and throws on an event whose data
 * says `poison: true`, like a handler with a bug would.
 */
export function countingProjection(name: string, eventTypes: readonly string[], version = 1): Projection {
  return {
    name,
    version,
    eventTypes,
    tables: [
      {
        name: `${name}_counts`,
        create: (table) =>
          `create table ${table} (stream_id text primary key, events integer not null, last_type text not null)`,
      },
    ],
    async apply(events, { tx, table }) {
      for (const event of events) {
        if (event.data.poison === true) throw new Error(`cannot project ${event.type} ${event.id}: poison`);
        await tx.query(
          `insert into ${table(`${name}_counts`)} (stream_id, events, last_type) values ($1, 1, $2)
           on conflict (stream_id) do update set events = excluded.events + ${table(`${name}_counts`)}.events, last_type = excluded.last_type`,
          [event.streamId, event.type],
        );
      }
    },
  };
}
