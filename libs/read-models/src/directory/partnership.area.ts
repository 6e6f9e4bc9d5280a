import type {
  CoordinationConcernRaised,
  CoordinationConcernResolved,
  CoordinationMeetingHeld,
  CoordinationMeetingMissed,
  CoordinationMeetingPlanned,
  CoordinationMeetingRescheduled,
  OrganisationJoinedPartnership,
  OrganisationLeftPartnership,
  PartnerMemberAdded,
  PartnerMemberRemoved,
  PartnerRolesClarified,
  PartnerRolesFoundUnclear,
} from '#domain';
import { type DirectoryArea, happenedAt, on } from './area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * A partner organisation of a project. `status` is `current` or `former`; `roles_status` is the
 * latest of clarified / unclear (`unspecified` before either), with the last clarified responsibilities.
 */
export const partnersTable = defineTable({
  name: 'rm_partners',
  key: ['project_id', 'organisation_id'],
  columns: {
    project_id: required('text'),
    organisation_id: required('text'),
    partner_role: required('text'),
    status: withDefault('text', 'current'),
    joined_at: required('timestamptz'),
    left_at: optional('timestamptz'),
    leave_reason: optional('text'),
    roles_status: withDefault('text', 'unspecified'),
    responsibilities: withDefault('jsonb', []),
    roles_note: optional('text'),
    roles_updated_at: optional('timestamptz'),
  },
  indexes: [['project_id', 'joined_at', 'organisation_id']],
});

/** A member of a partner organisation, by pseudonymous id; `status` is `current` or `removed`. */
export const partnerMembersTable = defineTable({
  name: 'rm_partner_members',
  key: ['project_id', 'member_id'],
  columns: {
    project_id: required('text'),
    member_id: required('text'),
    organisation_id: required('text'),
    member_role: required('text'),
    status: withDefault('text', 'current'),
    added_at: required('timestamptz'),
    removed_at: optional('timestamptz'),
  },
  indexes: [['project_id', 'organisation_id', 'member_id']],
});

/** `status`: planned, held or missed; `planned_format` is the planned one, `held_format` the one used. */
export const coordinationMeetingsTable = defineTable({
  name: 'rm_coordination_meetings',
  key: ['project_id', 'meeting_id'],
  columns: {
    project_id: required('text'),
    meeting_id: required('text'),
    scheduled_for: required('timestamptz'),
    planned_format: required('text'),
    cadence: optional('text'),
    status: withDefault('text', 'planned'),
    planned_at: required('timestamptz'),
    reschedule_count: counter(),
    last_reschedule_reason: optional('text'),
    held_at: optional('timestamptz'),
    held_format: optional('text'),
    attending_organisation_ids: withDefault('jsonb', []),
    attending_member_ids: withDefault('jsonb', []),
    duration_minutes: optional('integer'),
    missed_at: optional('timestamptz'),
    missed_reason: optional('text'),
  },
  indexes: [['project_id', 'scheduled_for', 'meeting_id']],
});

export const coordinationConcernsTable = defineTable({
  name: 'rm_coordination_concerns',
  key: ['project_id', 'concern_id'],
  columns: {
    project_id: required('text'),
    concern_id: required('text'),
    raised_by_organisation_id: required('text'),
    topic: required('text'),
    category: required('text'),
    status: withDefault('text', 'raised'),
    raised_at: required('timestamptz'),
    resolved_at: optional('timestamptz'),
    resolution: optional('text'),
  },
  indexes: [['project_id', 'raised_at', 'concern_id']],
});

export const partnershipArea: DirectoryArea = {
  tables: [partnersTable, partnerMembersTable, coordinationMeetingsTable, coordinationConcernsTable],
  handlers: [
    // Joining again after leaving makes the organisation a current partner again, with its new role.
    on<OrganisationJoinedPartnership>('OrganisationJoinedPartnership', (data, batch, event) =>
      batch.to(partnersTable).upsert(
        { project_id: data.projectId, organisation_id: data.organisationId },
        {
          partner_role: data.partnerRole,
          status: 'current',
          joined_at: happenedAt(event),
          left_at: null,
          leave_reason: null,
        },
      ),
    ),
    on<OrganisationLeftPartnership>('OrganisationLeftPartnership', (data, batch, event) =>
      batch
        .to(partnersTable)
        .patch(
          { project_id: data.projectId, organisation_id: data.organisationId },
          { status: 'former', left_at: happenedAt(event), leave_reason: data.reason },
        ),
    ),
    on<PartnerRolesClarified>('PartnerRolesClarified', (data, batch, event) =>
      batch.to(partnersTable).patch(
        { project_id: data.projectId, organisation_id: data.organisationId },
        {
          roles_status: 'clarified',
          responsibilities: data.responsibilities,
          roles_note: null,
          roles_updated_at: happenedAt(event),
        },
      ),
    ),
    on<PartnerRolesFoundUnclear>('PartnerRolesFoundUnclear', (data, batch, event) =>
      batch
        .to(partnersTable)
        .patch(
          { project_id: data.projectId, organisation_id: data.organisationId },
          { roles_status: 'unclear', roles_note: data.note, roles_updated_at: happenedAt(event) },
        ),
    ),
    on<PartnerMemberAdded>('PartnerMemberAdded', (data, batch, event) =>
      batch.to(partnerMembersTable).upsert(
        { project_id: data.projectId, member_id: data.memberId },
        {
          organisation_id: data.organisationId,
          member_role: data.memberRole,
          status: 'current',
          added_at: happenedAt(event),
          removed_at: null,
        },
      ),
    ),
    on<PartnerMemberRemoved>('PartnerMemberRemoved', (data, batch, event) =>
      batch
        .to(partnerMembersTable)
        .patch(
          { project_id: data.projectId, member_id: data.memberId },
          { status: 'removed', removed_at: happenedAt(event) },
        ),
    ),
    on<CoordinationMeetingPlanned>('CoordinationMeetingPlanned', (data, batch, event) =>
      batch.to(coordinationMeetingsTable).upsert(
        { project_id: data.projectId, meeting_id: data.meetingId },
        {
          scheduled_for: data.scheduledFor,
          planned_format: data.format,
          cadence: data.cadence,
          status: 'planned',
          planned_at: happenedAt(event),
        },
      ),
    ),
    on<CoordinationMeetingRescheduled>('CoordinationMeetingRescheduled', (data, batch) => {
      const meetings = batch.to(coordinationMeetingsTable);
      const key = { project_id: data.projectId, meeting_id: data.meetingId };
      meetings.patch(key, {
        scheduled_for: data.scheduledFor,
        planned_format: data.format,
        last_reschedule_reason: data.reason,
      });
      meetings.add(key, { reschedule_count: 1 });
    }),
    on<CoordinationMeetingHeld>('CoordinationMeetingHeld', (data, batch, event) =>
      batch.to(coordinationMeetingsTable).patch(
        { project_id: data.projectId, meeting_id: data.meetingId },
        {
          status: 'held',
          held_at: happenedAt(event),
          held_format: data.format,
          attending_organisation_ids: data.attendingOrganisationIds,
          attending_member_ids: data.attendingMemberIds,
          duration_minutes: data.durationMinutes,
        },
      ),
    ),
    on<CoordinationMeetingMissed>('CoordinationMeetingMissed', (data, batch, event) =>
      batch
        .to(coordinationMeetingsTable)
        .patch(
          { project_id: data.projectId, meeting_id: data.meetingId },
          { status: 'missed', missed_at: happenedAt(event), missed_reason: data.reason },
        ),
    ),
    on<CoordinationConcernRaised>('CoordinationConcernRaised', (data, batch, event) =>
      batch.to(coordinationConcernsTable).upsert(
        { project_id: data.projectId, concern_id: data.concernId },
        {
          raised_by_organisation_id: data.raisedByOrganisationId,
          topic: data.topic,
          category: data.category,
          status: 'raised',
          raised_at: happenedAt(event),
        },
      ),
    ),
    on<CoordinationConcernResolved>('CoordinationConcernResolved', (data, batch, event) =>
      batch
        .to(coordinationConcernsTable)
        .patch(
          { project_id: data.projectId, concern_id: data.concernId },
          { status: 'resolved', resolved_at: happenedAt(event), resolution: data.resolution },
        ),
    ),
  ],
};
