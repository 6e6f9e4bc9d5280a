import { requireText } from '../../shared/guards.js';
import type { RescheduleActivity } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing, isoDate, stillScheduled } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function rescheduleActivity(command: RescheduleActivity, state: ActivityState): ActivityEvent[] {
  const data = command.data;
  const activity = stillScheduled(existing(state, data.activityId));
  const scheduledFor = data.scheduledFor === null ? activity.scheduledFor : isoDate('scheduledFor', data.scheduledFor);
  const place = data.place === null ? activity.place : requireText('place', data.place, 200);
  if (scheduledFor === activity.scheduledFor && place === activity.place) {
    throw activityError('NOTHING_TO_RESCHEDULE', 'A reschedule must change the date, the place or both');
  }
  return [
    {
      type: 'ActivityRescheduled',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        scheduledFor,
        place,
        previousScheduledFor: activity.scheduledFor,
        previousPlace: activity.place,
        reason: requireText('reason', data.reason),
      },
    },
  ];
}
