import type { Projection } from '#projections';

/** Time-indexed facts behind the signals, the assessment report and time travel. */
export const signalFactsProjection: Projection = {
  name: 'signal-facts',
  version: 1,
  eventTypes: ['ProjectLaunched'],
  tables: [
    {
      name: 'rm_signal_facts',
      create: (table) => `create table ${table} (event_id uuid primary key, project_id text not null)`,
    },
  ],
  async apply(events, { tx, table }) {
    for (const event of events) {
      await tx.query(
        `insert into ${table('rm_signal_facts')} (event_id, project_id) values ($1, $2) on conflict do nothing`,
        [event.id, event.data.projectId],
      );
    }
  },
};
