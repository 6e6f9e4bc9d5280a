import { requireOneOf, requireText } from '../../shared/guards.js';
import type { PlanCoordinationMeeting } from '../partnership.commands.js';
import { COORDINATION_MEETING_FORMATS, type PartnershipEvent } from '../partnership.events.js';
import { formed, isoDate } from '../partnership.guards.js';
import { partnershipError } from '../partnership.reasons.js';
import type { PartnershipState } from '../partnership.state.js';

export function planCoordinationMeeting(command: PlanCoordinationMeeting, state: PartnershipState): PartnershipEvent[] {
  const { projectId, meetingId, scheduledFor, format, cadence } = command.data;
  const current = formed(state, projectId);
  const id = requireText('meetingId', meetingId, 100);
  if (current.meetings.has(id)) throw partnershipError('MEETING_ALREADY_PLANNED', `Meeting ${id} was already planned`);
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
