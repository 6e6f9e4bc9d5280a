import type { Projection } from '#projections';
import { FACT_KEY_COLUMNS, factRowsWriter } from '../shared/index.js';
import { inventoryFactHandlers, inventoryFactOf, type InventoryFact } from './inventory-facts.js';

export const INVENTORY_FACTS_TABLE = 'rm_inventory_facts';

const writeFacts = factRowsWriter<InventoryFact>({
  project_id: 'text',
  kind: 'text',
  subject_id: 'text',
  method: 'text',
  pilot_moment: 'text',
  duration_minutes: 'integer',
  interview_mode: 'text',
  person_role: 'text',
  person_ref: 'text',
  gender: 'text',
  people: 'jsonb',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
});

/**
 * The facts a study's data inventory is computed from (inventory-facts.ts): append-only, one row
 * per event keyed by its id (a replayed batch writes nothing twice). The table is computed at query
 * time from these rows, so `asOf` and `knownAt` work as everywhere else. See docs/inventory.md.
 */
export const inventoryProjection: Projection = {
  name: 'inventory-facts',
  version: 1,
  eventTypes: inventoryFactHandlers.eventTypes,
  tables: [
    {
      name: INVENTORY_FACTS_TABLE,
      create: (table) => `
        create table ${table} (
          ${FACT_KEY_COLUMNS},
          project_id text,
          kind text not null,
          subject_id text not null,
          method text,
          pilot_moment text,
          duration_minutes integer,
          interview_mode text,
          person_role text,
          person_ref text,
          gender text,
          people jsonb,
          occurred_at timestamptz not null,
          recorded_at timestamptz not null
        );`,
      indexes: (table) => `
        create index if not exists ${table}_project on ${table} (project_id, kind, occurred_at);`,
    },
  ],
  async apply(events, { tx, table }) {
    const rows: InventoryFact[] = [];
    for (const event of events) {
      const fact = inventoryFactOf(event);
      if (fact) rows.push(fact);
    }
    await writeFacts(tx, table(INVENTORY_FACTS_TABLE), rows);
  },
};
