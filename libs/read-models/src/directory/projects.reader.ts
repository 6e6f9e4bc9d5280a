import type { SqlExecutor } from '#database';
import { carersTable } from './carers.area.js';
import { conditions, containsText, equals } from './directory-filters.js';
import { type DirectoryList, lookup, type SqlParams } from './directory-query.js';
import { partnersTable } from './partnership.area.js';
import { projectsTable } from './projects.area.js';

/** Whose projects a caller may list: an organisation's (launched or partnering now) or a carer's own. */
export type ProjectVisibility = { readonly organisationId: string } | { readonly carerId: string };

export interface ProjectFilter {
  readonly programmeId?: string | null;
  readonly territoryId?: string | null;
  readonly phase?: string | null;
  /** Case-insensitive part of the name. */
  readonly nameContains?: string | null;
  /** Only the projects a caller is a member of: set from the verified caller, never by the client. */
  readonly visibleTo?: ProjectVisibility | null;
}

/** An organisation sees the projects it launched or partners in now, a carer the project that registered them. */
const visibleProjects = (access: ProjectVisibility, params: SqlParams) =>
  'carerId' in access
    ? `exists (select 1 from ${carersTable.name} c where c.project_id = t.project_id and c.carer_id = ${params.add(access.carerId, 'text')})`
    : `(t.launched_by_organisation_id = ${params.add(access.organisationId, 'text')} or exists (
        select 1 from ${partnersTable.name} p where p.project_id = t.project_id and p.status = 'current'
          and p.organisation_id = ${params.add(access.organisationId, 'text')}))`;

/** Projects, by name. */
export const projectsList: DirectoryList<ProjectFilter | null> = {
  name: 'projects',
  from: `${projectsTable.name} t`,
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'project_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      visibleTo: visibleProjects,
      programmeId: equals('programme_id'),
      territoryId: equals('territory_id'),
      phase: equals('phase'),
      nameContains: containsText('name'),
    }),
};

export const projectById = lookup(`${projectsTable.name} t`, ['project_id'], 't.project_id');

/** The ids of a territory's projects (whose members alone may read the territory's aggregates). */
export async function projectIdsOfTerritory(sql: SqlExecutor, territoryId: string): Promise<string[]> {
  const rows = await sql.query<{ project_id: string }>(
    `select project_id from ${projectsTable.name} where territory_id = $1`,
    [territoryId],
  );
  return rows.map((row) => row.project_id);
}
