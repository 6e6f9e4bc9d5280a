import {
  activitiesTable,
  activityCarersTable,
  activityQuizzesTable,
  activityRepresentativesTable,
  activitySurveysTable,
} from './activities.area.js';
import { carersTable } from './carers.area.js';
import { atOrAfter, before, conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';

export interface ActivityFilter {
  readonly kind?: string | null;
  readonly status?: string | null;
  /** Scheduled at or after this instant. */
  readonly from?: Date | null;
  /** Scheduled before this instant. */
  readonly to?: Date | null;
}

/** A project's activities, by date. */
export const activitiesList: DirectoryList<ActivityFilter | null> = {
  name: 'activities',
  from: `${activitiesTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'scheduled_for', type: 'timestamptz' },
    { column: 'activity_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      kind: equals('kind'),
      status: equals('status'),
      from: atOrAfter('scheduled_for'),
      to: before('scheduled_for'),
    }),
};

export const activityById = lookup(`${activitiesTable.name} t`, ['activity_id'], 't.activity_id');

/** Registrations and attendance of an activity (one row per carer), with each carer's pseudonym. */
export const carersOfActivity = lookup(
  `${activityCarersTable.name} t left join ${carersTable.name} c on c.carer_id = t.carer_id`,
  ['activity_id'],
  'c.pseudonym nulls last, t.carer_id',
  't.*, c.pseudonym',
);

export const representativesOfActivity = lookup(
  `${activityRepresentativesTable.name} t`,
  ['activity_id'],
  't.organisation_id, t.member_id',
);

/** Understanding quizzes of an activity: before, then after. */
export const quizzesOfActivity = lookup(
  `${activityQuizzesTable.name} t`,
  ['activity_id'],
  `case t.phase when 'before' then 0 else 1 end`,
);

/** Satisfaction responses of an activity, per instrument. */
export const surveysOfActivity = lookup(`${activitySurveysTable.name} t`, ['activity_id'], 't.instrument_id');
