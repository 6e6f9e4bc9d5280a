import type { Projection } from '#projections';

/** Current-state read models of the directory (projects, partners, carers, activities...). */
export const directoryProjection: Projection = {
  name: 'directory',
  version: 1,
  eventTypes: ['ProjectLaunched'],
  tables: [
    {
      name: 'rm_projects',
      create: (table) => `create table ${table} (project_id text primary key, name text not null)`,
    },
  ],
  async apply(events, { tx, table }) {
    for (const event of events) {
      await tx.query(`insert into ${table('rm_projects')} (project_id, name) values ($1, $2) on conflict do nothing`, [
        event.data.projectId,
        event.data.name,
      ]);
    }
  },
};
