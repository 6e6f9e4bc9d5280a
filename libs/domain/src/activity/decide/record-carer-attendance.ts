import type { RecordCarerAttendance } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing, held, requireId } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function recordCarerAttendance(command: RecordCarerAttendance, state: ActivityState): ActivityEvent[] {
  const activity = held(existing(state, command.data.activityId));
  const carerId = requireId('carerId', command.data.carerId);
  // Refused rather than ignored, so a replayed attendance sheet never doubles the counts silently.
  if (activity.attendingCarerIds.includes(carerId)) {
    throw activityError('ATTENDANCE_ALREADY_RECORDED', `Carer ${carerId} is already recorded as attending`);
  }
  return [
    {
      type: 'CarerAttendedActivity',
      data: { activityId: activity.activityId, projectId: activity.projectId, carerId },
    },
  ];
}
