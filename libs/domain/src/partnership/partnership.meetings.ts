import type { DecisionContext } from '../shared/decider.js';
import { conflict, invalid } from '../shared/errors.js';
import { requireInteger, requireOneOf, requireText, requireValidDate } from '../shared/guards.js';
import type {
  PlanCoordinationMeeting,
  RecordCoordinationMeetingHeld,
  RecordCoordinationMeetingMissed,
  RescheduleCoordinationMeeting,
} from './partnership.commands.js';
import { COORDINATION_MEETING_FORMATS, type PartnershipEvent } from './partnership.events.js';
import { requireDistinct, requireHappened, requireListSize } from './partnership.guards.js';
import { formed, requireOpenMeeting, type PartnershipState } from './partnership.state.js';

const isoDate = (field: string, value: string) => requireValidDate(field, new Date(value)).toISOString();

export function planCoordinationMeeting(
  { projectId, meetingId, scheduledFor, format, cadence }: PlanCoordinationMeeting['data'],
  state: PartnershipState,
): PartnershipEvent[] {
  const current = formed(state, projectId);
  const id = requireText('meetingId', meetingId, 100);
  if (current.meetings.has(id)) throw conflict('MEETING_ALREADY_PLANNED', `Meeting ${id} was already planned`);
  return [
    {
      type: 'CoordinationMeetingPlanned',
      data: {
        projectId,
        meetingId: id,
        scheduledFor: isoDate('scheduledFor', scheduledFor),
        format: requireOneOf('format', format, COORDINATION_MEETING_FORMATS),
        cadence: cadence === null ? null : requireText('cadence', cadence, 100),
      },
    },
  ];
}

export function recordCoordinationMeetingHeld(
  data: RecordCoordinationMeetingHeld['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  const { projectId, meetingId, attendingOrganisationIds, attendingMemberIds, durationMinutes } = data;
  const current = formed(state, projectId);
  requireOpenMeeting(current, meetingId);
  requireHappened(context);
  requireListSize('attendingOrganisationIds', attendingOrganisationIds, 1, 200);
  requireDistinct('attendingOrganisationIds', attendingOrganisationIds);
  requireListSize('attendingMemberIds', attendingMemberIds, 0, 1000);
  requireDistinct('attendingMemberIds', attendingMemberIds);
  for (const organisationId of attendingOrganisationIds) {
    if (!current.partners.has(organisationId)) {
      throw conflict('ATTENDING_ORGANISATION_NOT_PARTNER', `Organisation ${organisationId} is not a partner`, {
        organisationId,
      });
    }
  }
  for (const memberId of attendingMemberIds) {
    const organisationId = current.members.get(memberId);
    if (organisationId === undefined) {
      throw conflict('ATTENDING_MEMBER_NOT_IN_PARTNERSHIP', `Member ${memberId} is not in the partnership`, {
        memberId,
      });
    }
    // A member present means their organisation was present: keeps organisation attendance honest.
    if (!attendingOrganisationIds.includes(organisationId)) {
      throw invalid(
        'MEMBER_ORGANISATION_NOT_ATTENDING',
        `Member ${memberId} attended but organisation ${organisationId} is not listed as attending`,
        { memberId, organisationId },
      );
    }
  }
  return [
    {
      type: 'CoordinationMeetingHeld',
      data: {
        projectId,
        meetingId,
        format: requireOneOf('format', data.format, COORDINATION_MEETING_FORMATS),
        attendingOrganisationIds: [...attendingOrganisationIds],
        attendingMemberIds: [...attendingMemberIds],
        durationMinutes: durationMinutes === null ? null : requireInteger('durationMinutes', durationMinutes, 1, 1440),
      },
    },
  ];
}

export function recordCoordinationMeetingMissed(
  { projectId, meetingId, reason }: RecordCoordinationMeetingMissed['data'],
  state: PartnershipState,
  context: DecisionContext,
): PartnershipEvent[] {
  requireOpenMeeting(formed(state, projectId), meetingId);
  requireHappened(context);
  return [
    { type: 'CoordinationMeetingMissed', data: { projectId, meetingId, reason: requireText('reason', reason, 1000) } },
  ];
}

export function rescheduleCoordinationMeeting(
  { projectId, meetingId, scheduledFor, format, reason }: RescheduleCoordinationMeeting['data'],
  state: PartnershipState,
): PartnershipEvent[] {
  const meeting = requireOpenMeeting(formed(state, projectId), meetingId);
  const newDate = isoDate('scheduledFor', scheduledFor);
  const newFormat = format === null ? meeting.format : requireOneOf('format', format, COORDINATION_MEETING_FORMATS);
  if (newDate === meeting.scheduledFor && newFormat === meeting.format) {
    throw conflict('MEETING_SCHEDULE_UNCHANGED', `Meeting ${meetingId} is already scheduled then, in that format`);
  }
  return [
    {
      type: 'CoordinationMeetingRescheduled',
      data: {
        projectId,
        meetingId,
        previouslyScheduledFor: meeting.scheduledFor,
        scheduledFor: newDate,
        format: newFormat,
        reason: reason === null ? null : requireText('reason', reason, 1000),
      },
    },
  ];
}
