import type { PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
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
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    // Joining again after leaving makes the organisation a current partner again, with its new role.
    OrganisationJoinedPartnership: ({ data, occurredAt }, batch) =>
      batch.to(partnersTable).upsert(
        { project_id: data.projectId, organisation_id: data.organisationId },
        {
          partner_role: data.partnerRole,
          status: 'current',
          joined_at: occurredAt.toISOString(),
          left_at: null,
          leave_reason: null,
        },
      ),
    OrganisationLeftPartnership: ({ data, occurredAt }, batch) =>
      batch
        .to(partnersTable)
        .patch(
          { project_id: data.projectId, organisation_id: data.organisationId },
          { status: 'former', left_at: occurredAt.toISOString(), leave_reason: data.reason },
        ),
    PartnerRolesClarified: ({ data, occurredAt }, batch) =>
      batch.to(partnersTable).patch(
        { project_id: data.projectId, organisation_id: data.organisationId },
        {
          roles_status: 'clarified',
          responsibilities: data.responsibilities,
          roles_note: null,
          roles_updated_at: occurredAt.toISOString(),
        },
      ),
    PartnerRolesFoundUnclear: ({ data, occurredAt }, batch) =>
      batch
        .to(partnersTable)
        .patch(
          { project_id: data.projectId, organisation_id: data.organisationId },
          { roles_status: 'unclear', roles_note: data.note, roles_updated_at: occurredAt.toISOString() },
        ),
    PartnerMemberAdded: ({ data, occurredAt }, batch) =>
      batch.to(partnerMembersTable).upsert(
        { project_id: data.projectId, member_id: data.memberId },
        {
          organisation_id: data.organisationId,
          member_role: data.memberRole,
          status: 'current',
          added_at: occurredAt.toISOString(),
          removed_at: null,
        },
      ),
    PartnerMemberRemoved: ({ data, occurredAt }, batch) =>
      batch
        .to(partnerMembersTable)
        .patch(
          { project_id: data.projectId, member_id: data.memberId },
          { status: 'removed', removed_at: occurredAt.toISOString() },
        ),
    CoordinationMeetingPlanned: ({ data, occurredAt }, batch) =>
      batch.to(coordinationMeetingsTable).upsert(
        { project_id: data.projectId, meeting_id: data.meetingId },
        {
          scheduled_for: data.scheduledFor,
          planned_format: data.format,
          cadence: data.cadence,
          status: 'planned',
          planned_at: occurredAt.toISOString(),
        },
      ),
    CoordinationMeetingRescheduled: ({ data }, batch) => {
      const meetings = batch.to(coordinationMeetingsTable);
      const key = { project_id: data.projectId, meeting_id: data.meetingId };
      meetings.patch(key, {
        scheduled_for: data.scheduledFor,
        planned_format: data.format,
        last_reschedule_reason: data.reason,
      });
      meetings.add(key, { reschedule_count: 1 });
    },
    CoordinationMeetingHeld: ({ data, occurredAt }, batch) =>
      batch.to(coordinationMeetingsTable).patch(
        { project_id: data.projectId, meeting_id: data.meetingId },
        {
          status: 'held',
          held_at: occurredAt.toISOString(),
          held_format: data.format,
          attending_organisation_ids: data.attendingOrganisationIds,
          attending_member_ids: data.attendingMemberIds,
          duration_minutes: data.durationMinutes,
        },
      ),
    CoordinationMeetingMissed: ({ data, occurredAt }, batch) =>
      batch
        .to(coordinationMeetingsTable)
        .patch(
          { project_id: data.projectId, meeting_id: data.meetingId },
          { status: 'missed', missed_at: occurredAt.toISOString(), missed_reason: data.reason },
        ),
    CoordinationConcernRaised: ({ data, occurredAt }, batch) =>
      batch.to(coordinationConcernsTable).upsert(
        { project_id: data.projectId, concern_id: data.concernId },
        {
          raised_by_organisation_id: data.raisedByOrganisationId,
          topic: data.topic,
          category: data.category,
          status: 'raised',
          raised_at: occurredAt.toISOString(),
        },
      ),
    CoordinationConcernResolved: ({ data, occurredAt }, batch) =>
      batch
        .to(coordinationConcernsTable)
        .patch(
          { project_id: data.projectId, concern_id: data.concernId },
          { status: 'resolved', resolved_at: occurredAt.toISOString(), resolution: data.resolution },
        ),
  }),
};
