import type { DirectoryRow } from '#read-models/directory';
import { date, dateOrNull, int, intOrNull, text, textOrNull } from '../read-side/row-values.js';
import type { CoordinationConcern, CoordinationMeeting, Partner, PartnerMember } from './partnership.models.js';

export const toPartner = (row: DirectoryRow): Partner => ({
  projectId: text(row.project_id),
  organisationId: text(row.organisation_id),
  role: text(row.partner_role),
  status: text(row.status),
  joinedAt: date(row.joined_at),
  leftAt: dateOrNull(row.left_at),
  leaveReason: textOrNull(row.leave_reason),
  rolesStatus: text(row.roles_status),
  responsibilities: (row.responsibilities ?? []) as string[],
  rolesNote: textOrNull(row.roles_note),
  rolesUpdatedAt: dateOrNull(row.roles_updated_at),
});

export const toPartnerMember = (row: DirectoryRow): PartnerMember => ({
  projectId: text(row.project_id),
  memberId: text(row.member_id),
  organisationId: text(row.organisation_id),
  role: text(row.member_role),
  status: text(row.status),
  addedAt: date(row.added_at),
  removedAt: dateOrNull(row.removed_at),
});

export const toCoordinationMeeting = (row: DirectoryRow): CoordinationMeeting => ({
  projectId: text(row.project_id),
  meetingId: text(row.meeting_id),
  scheduledFor: date(row.scheduled_for),
  plannedFormat: text(row.planned_format),
  cadence: textOrNull(row.cadence),
  status: text(row.status),
  plannedAt: date(row.planned_at),
  rescheduleCount: int(row.reschedule_count),
  lastRescheduleReason: textOrNull(row.last_reschedule_reason),
  heldAt: dateOrNull(row.held_at),
  heldFormat: textOrNull(row.held_format),
  attendingOrganisationIds: (row.attending_organisation_ids ?? []) as string[],
  attendingMemberIds: (row.attending_member_ids ?? []) as string[],
  durationMinutes: intOrNull(row.duration_minutes),
  missedAt: dateOrNull(row.missed_at),
  missedReason: textOrNull(row.missed_reason),
});

export const toCoordinationConcern = (row: DirectoryRow): CoordinationConcern => ({
  projectId: text(row.project_id),
  concernId: text(row.concern_id),
  raisedByOrganisationId: text(row.raised_by_organisation_id),
  topic: text(row.topic),
  category: text(row.category),
  status: text(row.status),
  raisedAt: date(row.raised_at),
  resolvedAt: dateOrNull(row.resolved_at),
  resolution: textOrNull(row.resolution),
});
