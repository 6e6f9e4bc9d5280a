import type { RegisterCarerForActivity } from '../activity.commands.js';
import type { ActivityEvent } from '../activity.events.js';
import { existing, requireId, stillScheduled } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

export function registerCarerForActivity(command: RegisterCarerForActivity, state: ActivityState): ActivityEvent[] {
  const activity = stillScheduled(existing(state, command.data.activityId));
  const carerId = requireId('carerId', command.data.carerId);
  if (activity.registeredCarerIds.includes(carerId)) {
    throw activityError('CARER_ALREADY_REGISTERED', `Carer ${carerId} is already registered`);
  }
  return [
    {
      type: 'CarerRegisteredForActivity',
      data: { activityId: activity.activityId, projectId: activity.projectId, carerId },
    },
  ];
}
