import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';
import {
  coordinationConcernsTable,
  coordinationMeetingsTable,
  partnerMembersTable,
  partnersTable,
} from './partnership.area.js';

export interface PartnerFilter {
  readonly role?: string | null;
  readonly status?: string | null;
  readonly rolesStatus?: string | null;
}

export interface PartnerMemberFilter {
  readonly organisationId?: string | null;
  readonly role?: string | null;
  readonly status?: string | null;
}

export interface CoordinationMeetingFilter {
  readonly status?: string | null;
}

export interface CoordinationConcernFilter {
  readonly status?: string | null;
  readonly category?: string | null;
}

/** A project's partner organisations, by joining date. */
export const partnersList: DirectoryList<PartnerFilter | null> = {
  name: 'partners',
  from: `${partnersTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'joined_at', type: 'timestamptz' },
    { column: 'organisation_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      role: equals('partner_role'),
      status: equals('status'),
      rolesStatus: equals('roles_status'),
    }),
};

/** The members of a project's partner organisations, by organisation. */
export const membersList: DirectoryList<PartnerMemberFilter | null> = {
  name: 'members',
  from: `${partnerMembersTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'organisation_id', type: 'text' },
    { column: 'member_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      organisationId: equals('organisation_id'),
      role: equals('member_role'),
      status: equals('status'),
    }),
};

/** A project's coordination meetings, by date. */
export const coordinationMeetingsList: DirectoryList<CoordinationMeetingFilter | null> = {
  name: 'coordinationMeetings',
  from: `${coordinationMeetingsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'scheduled_for', type: 'timestamptz' },
    { column: 'meeting_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { status: equals('status') }),
};

/** The concerns partners raised, in the order raised. */
export const coordinationConcernsList: DirectoryList<CoordinationConcernFilter | null> = {
  name: 'coordinationConcerns',
  from: `${coordinationConcernsTable.name} t`,
  columns: 't.*',
  parent: 'project_id',
  order: [
    { column: 'raised_at', type: 'timestamptz' },
    { column: 'concern_id', type: 'text' },
  ],
  where: (filter, params) => conditions(filter, params, { status: equals('status'), category: equals('category') }),
};

/** The members of one partner organisation in one project (key: project, organisation). */
export const membersOfPartner = lookup(
  `${partnerMembersTable.name} t`,
  ['project_id', 'organisation_id'],
  't.member_id',
);
