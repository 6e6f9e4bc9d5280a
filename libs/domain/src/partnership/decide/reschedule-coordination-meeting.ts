import { requireOneOf, requireText } from '../../shared/guards.js';
import type { RescheduleCoordinationMeeting } from '../partnership.commands.js';
import { COORDINATION_MEETING_FORMATS, type PartnershipEvent } from '../partnership.events.js';
import { formed, isoDate, requireOpenMeeting } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function rescheduleCoordinationMeeting(
  command: RescheduleCoordinationMeeting,
  state: PartnershipState,
): PartnershipEvent[] {
  const { projectId, meetingId, scheduledFor, format, reason } = command.data;
  const meeting = requireOpenMeeting(formed(state, projectId), meetingId);
  const newDate = isoDate('scheduledFor', scheduledFor);
  const newFormat = format === null ? meeting.format : requireOneOf('format', format, COORDINATION_MEETING_FORMATS);
  if (newDate === meeting.scheduledFor && newFormat === meeting.format) {
    throw partnershipError(
      'MEETING_SCHEDULE_UNCHANGED',
      `Meeting ${meetingId} is already scheduled then, in that format`,
    );
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
