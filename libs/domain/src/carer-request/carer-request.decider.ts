import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import { declineCarerRequest } from './decide/decline-carer-request.js';
import { makeCarerRequest } from './decide/make-carer-request.js';
import { meetCarerRequest } from './decide/meet-carer-request.js';
import type { CarerRequestCommand } from './carer-request.commands.js';
import type { CarerRequestEvent } from './carer-request.events.js';
import type { CarerRequestState } from './carer-request.state.js';

export type { CarerRequestState } from './carer-request.state.js';

export const carerRequestStreamId = (requestId: string) => `carer-request-${requestId}`;

export const carerRequestDecider: Decider<CarerRequestCommand, CarerRequestEvent, CarerRequestState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'MakeCarerRequest':
        return makeCarerRequest(command, state);
      case 'MeetCarerRequest':
        return meetCarerRequest(command, state);
      case 'DeclineCarerRequest':
        return declineCarerRequest(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CarerRequestMade':
        return { status: 'made', projectId: event.data.projectId };
      case 'CarerRequestMet':
        return state.status === 'unknown' ? state : { ...state, status: 'met' };
      case 'CarerRequestDeclined':
        return state.status === 'unknown' ? state : { ...state, status: 'declined' };
    }
  },
};
