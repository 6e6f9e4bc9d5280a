import type { AggregateDefinition } from '../shared/aggregate.js';
import type { CarerCommand } from './carer.commands.js';
import { carerDecider, carerStreamId, type CarerState } from './carer.decider.js';
import type { CarerEvent } from './carer.events.js';

export const carerAggregate: AggregateDefinition<CarerCommand, CarerEvent, CarerState> = {
  name: 'Carer',
  decider: carerDecider,
  commandTypes: [
    'RegisterCarer',
    'UpdateCarerPersonalData',
    'EraseCarerPersonalData',
    'GiveCarerConsent',
    'WithdrawCarerConsent',
    'InviteCarer',
    'AcceptCarerInvitation',
    'DeclineCarerInvitation',
    'WithdrawCarerFromProject',
  ],
  streamId: (command) => carerStreamId(command.data.carerId),
};
