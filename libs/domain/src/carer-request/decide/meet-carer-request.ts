import { requireText } from '../../shared/guards.js';
import type { MeetCarerRequest } from '../carer-request.commands.js';
import type { CarerRequestEvent } from '../carer-request.events.js';
import { awaitingAnswer } from '../carer-request.guards.js';
import type { CarerRequestState } from '../carer-request.state.js';

const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 2000));

export function meetCarerRequest(command: MeetCarerRequest, state: CarerRequestState): CarerRequestEvent[] {
  const requestId = command.data.requestId;
  const request = awaitingAnswer(state, requestId);
  return [
    {
      type: 'CarerRequestMet',
      data: { requestId, projectId: request.projectId, note: optionalNote(command.data.note) },
    },
  ];
}
