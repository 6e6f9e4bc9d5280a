import { type DirectoryList, lookup } from './directory-query.js';
import { programmesTable, territoriesTable } from './programmes.area.js';

/** Programmes, by name (no filter). */
export const programmesList: DirectoryList<null> = {
  name: 'programmes',
  from: `${programmesTable.name} t`,
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'programme_id', type: 'text' },
  ],
  where: () => [],
};

export const programmeById = lookup(`${programmesTable.name} t`, ['programme_id'], 't.programme_id');

/** A territory by programme and territory id. */
export const territoryByKey = lookup(`${territoriesTable.name} t`, ['programme_id', 'territory_id'], 't.territory_id');

/** The territories of a programme, by name. */
export const territoriesOfProgramme = lookup(`${territoriesTable.name} t`, ['programme_id'], 't.name, t.territory_id');
