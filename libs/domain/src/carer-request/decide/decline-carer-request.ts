import { requireOneOf, requireText } from '../../shared/guards.js';
import type { DeclineCarerRequest } from '../carer-request.commands.js';
import { CANNOT_MEET_BECAUSE, type CarerRequestEvent } from '../carer-request.events.js';
import { awaitingAnswer } from '../carer-request.guards.js';
import type { CarerRequestState } from '../carer-request.state.js';

/** The explanation is required: "impossible" or "unable" alone does not tell what stands in the way. */
export function declineCarerRequest(command: DeclineCarerRequest, state: CarerRequestState): CarerRequestEvent[] {
  const requestId = command.data.requestId;
  const request = awaitingAnswer(state, requestId);
  return [
    {
      type: 'CarerRequestDeclined',
      data: {
        requestId,
        projectId: request.projectId,
        cannotMeetBecause: requireOneOf('cannotMeetBecause', command.data.cannotMeetBecause, CANNOT_MEET_BECAUSE),
        explanation: requireText('explanation', command.data.explanation, 2000),
      },
    },
  ];
}
