import { conditions, containsText, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';
import { organisationsTable } from './organisations.area.js';

export interface OrganisationFilter {
  readonly kind?: string | null;
  /** Case-insensitive part of the name. */
  readonly nameContains?: string | null;
}

/** Organisations, by name. */
export const organisationsList: DirectoryList<OrganisationFilter | null> = {
  name: 'organisations',
  from: `${organisationsTable.name} t`,
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'organisation_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { kind: equals('kind'), nameContains: containsText('name') }),
};

export const organisationById = lookup(`${organisationsTable.name} t`, ['organisation_id'], 't.organisation_id');
