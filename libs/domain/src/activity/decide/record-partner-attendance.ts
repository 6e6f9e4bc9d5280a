import type { RecordPartnerAttendance } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing, held, requireId } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function recordPartnerAttendance(command: RecordPartnerAttendance, state: ActivityState): ActivityEvent[] {
  const activity = held(existing(state, command.data.activityId));
  const organisationId = requireId('organisationId', command.data.organisationId);
  const memberId = requireId('memberId', command.data.memberId);
  if (activity.attendingRepresentatives.some((r) => r.organisationId === organisationId && r.memberId === memberId)) {
    throw activityError('ATTENDANCE_ALREADY_RECORDED', `Member ${memberId} is already recorded as attending`);
  }
  return [
    {
      type: 'PartnerRepresentativeAttendedActivity',
      data: { activityId: activity.activityId, projectId: activity.projectId, organisationId, memberId },
    },
  ];
}
