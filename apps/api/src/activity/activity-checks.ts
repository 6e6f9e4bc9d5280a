import { activityAggregate, activityStreamId, carerAggregate, carerStreamId, hasConsent } from '#domain';
import { commandError } from '../command-side/command.reasons.js';
import type { CommandRunner } from '../command-side/command-runner.js';

/**
 * Checks across aggregates that the activity decider cannot make from its own stream: who may be
 * registered or counted as attending, and whose consent an audio recording needs. Attendance of
 * unknown people would inflate every engagement signal.
 */
export async function requireCarerOfActivityProject(
  runner: CommandRunner,
  activityId: string,
  carerId: string,
): Promise<void> {
  const [activity, carer] = await Promise.all([
    runner.loadState(activityAggregate, activityStreamId(activityId)),
    runner.loadState(carerAggregate, carerStreamId(carerId)),
  ]);
  if (activity.status === 'unknown') return; // the decider answers ACTIVITY_NOT_FOUND
  if (carer.status !== 'registered')
    throw commandError('CARER_NOT_FOUND', `Carer ${carerId} is not registered`, { carerId });
  if (carer.projectId !== activity.projectId) {
    throw commandError('CARER_OF_ANOTHER_PROJECT', `Carer ${carerId} takes part in another project`, { carerId });
  }
  if (carer.withdrawn)
    throw commandError('CARER_WITHDRAWN', `Carer ${carerId} has withdrawn from the project`, { carerId });
}

/** Recording a session needs the audio-recording consent of every carer registered for it. */
export async function requireAudioConsent(runner: CommandRunner, activityId: string): Promise<void> {
  const activity = await runner.loadState(activityAggregate, activityStreamId(activityId));
  if (activity.status === 'unknown') return;
  const carers = await Promise.all(
    activity.registeredCarerIds.map(async (carerId) => ({
      carerId,
      state: await runner.loadState(carerAggregate, carerStreamId(carerId)),
    })),
  );
  const missing = carers.filter(({ state }) => !hasConsent(state, 'audio_recording')).map(({ carerId }) => carerId);
  if (missing.length > 0) {
    throw commandError(
      'AUDIO_CONSENT_MISSING',
      `Carers without audio-recording consent are registered: ${missing.join(', ')}`,
      {
        carers: missing.join(','),
      },
    );
  }
}
