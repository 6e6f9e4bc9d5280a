import { requireOneOf, requireText } from '../../shared/guards.js';
import type { ScheduleActivity } from '../activity.commands.js';
import { ACTIVITY_KINDS, type ActivityEvent } from '../activity.events.js';
import { isoDate, requireId } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function scheduleActivity(command: ScheduleActivity, state: ActivityState): ActivityEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw activityError('ACTIVITY_ALREADY_SCHEDULED', `Activity ${data.activityId} was already scheduled`);
  }
  return [
    {
      type: 'ActivityScheduled',
      data: {
        activityId: requireId('activityId', data.activityId),
        projectId: requireId('projectId', data.projectId),
        kind: requireOneOf('kind', data.kind, ACTIVITY_KINDS),
        topic: requireText('topic', data.topic, 200),
        scheduledFor: isoDate('scheduledFor', data.scheduledFor),
        place: requireText('place', data.place, 200),
        facilitatorMemberId:
          data.facilitatorMemberId === null ? null : requireId('facilitatorMemberId', data.facilitatorMemberId),
        organisingOrganisationId: requireId('organisingOrganisationId', data.organisingOrganisationId),
      },
    },
  ];
}
