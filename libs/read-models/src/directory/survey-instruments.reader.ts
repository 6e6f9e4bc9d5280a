import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';
import { surveyInstrumentsTable } from './survey-instruments.area.js';

export interface SurveyInstrumentFilter {
  readonly measures?: string | null;
  readonly status?: string | null;
}

/** Survey and quiz instruments, by name. */
export const surveyInstrumentsList: DirectoryList<SurveyInstrumentFilter | null> = {
  name: 'surveyInstruments',
  from: `${surveyInstrumentsTable.name} t`,
  columns: 't.*',
  parent: null,
  order: [
    { column: 'name', type: 'text' },
    { column: 'instrument_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { measures: equals('measures'), status: equals('status') }),
};

export const surveyInstrumentById = lookup(`${surveyInstrumentsTable.name} t`, ['instrument_id'], 't.instrument_id');
