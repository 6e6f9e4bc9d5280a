import type { AggregateDefinition } from '../shared/aggregate.js';
import type { CarerRequestCommand } from './carer-request.commands.js';
import { carerRequestDecider, carerRequestStreamId, type CarerRequestState } from './carer-request.decider.js';
import type { CarerRequestEvent } from './carer-request.events.js';

export const carerRequestAggregate: AggregateDefinition<CarerRequestCommand, CarerRequestEvent, CarerRequestState> = {
  name: 'CarerRequest',
  decider: carerRequestDecider,
  commandTypes: ['MakeCarerRequest', 'MeetCarerRequest', 'DeclineCarerRequest'],
  streamId: (command) => carerRequestStreamId(command.data.requestId),
};
