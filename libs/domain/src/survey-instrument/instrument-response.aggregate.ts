import type { AggregateDefinition } from '../shared/aggregate.js';
import type { InstrumentResponseCommand } from './survey-instrument.commands.js';
import type { InstrumentResponseEvent } from './survey-instrument.events.js';
import {
  instrumentResponseDecider,
  instrumentResponseStreamId,
  type InstrumentResponseState,
} from './instrument-response.decider.js';

export const instrumentResponseAggregate: AggregateDefinition<
  InstrumentResponseCommand,
  InstrumentResponseEvent,
  InstrumentResponseState
> = {
  name: 'InstrumentResponse',
  decider: instrumentResponseDecider,
  commandTypes: ['RecordInstrumentResponse'],
  streamId: (command) => instrumentResponseStreamId(command.data.responseId),
};
