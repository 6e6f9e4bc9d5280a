import {
  activityAggregate,
  activityStreamId,
  carerAggregate,
  carerStreamId,
  hasConsent,
  isParticipating,
  type AggregateDefinition,
  type DomainCommand,
  type DomainEvent,
} from '#domain';
import { commandSideError } from './command-side.reasons.js';

/** Reads another aggregate's current state (CommandExecutor.loadState, or the API's runner). */
export interface StateLoader {
  loadState<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    streamId: string,
  ): Promise<S>;
}

/**
 * Checks across aggregates that the activity decider cannot make from its own stream: who may be
 * registered or counted as attending, and whose consent an audio recording needs. Attendance of
 * unknown people would inflate every engagement signal. The API and the demo seed both run them.
 */
export async function requireCarerOfActivityProject(
  states: StateLoader,
  activityId: string,
  carerId: string,
): Promise<void> {
  const [activity, carer] = await Promise.all([
    states.loadState(activityAggregate, activityStreamId(activityId)),
    states.loadState(carerAggregate, carerStreamId(carerId)),
  ]);
  if (activity.status === 'unknown') return; // the decider answers ACTIVITY_NOT_FOUND
  if (carer.status !== 'registered')
    throw commandSideError('CARER_NOT_FOUND', `Carer ${carerId} is not registered`, { carerId });
  if (carer.projectId !== activity.projectId)
    throw commandSideError('CARER_OF_ANOTHER_PROJECT', `Carer ${carerId} takes part in another project`, { carerId });
  if (carer.withdrawn)
    throw commandSideError('CARER_WITHDRAWN', `Carer ${carerId} has withdrawn from the project`, { carerId });
}

/**
 * The check the Carer aggregate documents for other aggregates' commands (`isParticipating`): only
 * a carer who accepted and has not withdrawn is recorded as taking part.
 */
export async function requireParticipatingCarer(states: StateLoader, carerId: string): Promise<void> {
  if (!isParticipating(await states.loadState(carerAggregate, carerStreamId(carerId))))
    throw commandSideError('CARER_NOT_PARTICIPATING', `Carer ${carerId} is not taking part in the project`, {
      carerId,
    });
}

/** Recording a session needs the audio-recording consent of every carer registered for it. */
export async function requireAudioConsent(states: StateLoader, activityId: string): Promise<void> {
  const activity = await states.loadState(activityAggregate, activityStreamId(activityId));
  if (activity.status === 'unknown') return;
  await requireAudioConsentOf(states, activity.registeredCarerIds);
}

/** Nothing is recorded on tape unless each of these carers consented to audio recording. */
export async function requireAudioConsentOf(states: StateLoader, carerIds: readonly string[]): Promise<void> {
  const carers = await Promise.all(
    carerIds.map(async (carerId) => ({
      carerId,
      state: await states.loadState(carerAggregate, carerStreamId(carerId)),
    })),
  );
  const missing = carers.filter(({ state }) => !hasConsent(state, 'audio_recording')).map(({ carerId }) => carerId);
  if (missing.length > 0)
    throw commandSideError(
      'AUDIO_CONSENT_MISSING',
      `Carers without audio-recording consent are registered: ${missing.join(', ')}`,
      { carers: missing.join(',') },
    );
}
