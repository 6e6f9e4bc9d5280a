import type { DecisionContext } from '../../shared/decider.js';
import { requireInteger, requireNotInFuture } from '../../shared/guards.js';
import type { HoldActivity } from '../activity.commands.js';
import { RECORDABLE_ACTIVITY_KINDS, type ActivityEvent, type ActivityKind } from '../activity.events.js';
import { existing, requireBoolean, stillScheduled } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

const RECORDABLE_KINDS: readonly ActivityKind[] = RECORDABLE_ACTIVITY_KINDS;

export function holdActivity(command: HoldActivity, state: ActivityState, context: DecisionContext): ActivityEvent[] {
  const data = command.data;
  const activity = stillScheduled(existing(state, data.activityId));
  const startedAt = requireNotInFuture('startedAt', new Date(data.startedAt), context.now).toISOString();
  const audioRecorded = requireBoolean('audioRecorded', data.audioRecorded);
  if (audioRecorded && !RECORDABLE_KINDS.includes(activity.kind)) {
    throw activityError('AUDIO_RECORDING_ONLY_FOR_WORKSHOPS', `A ${activity.kind} is not audio-recorded`);
  }
  return [
    {
      type: 'ActivityHeld',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        startedAt,
        durationMinutes:
          data.durationMinutes === null ? null : requireInteger('durationMinutes', data.durationMinutes, 1, 1440),
        audioRecorded,
      },
    },
  ];
}
