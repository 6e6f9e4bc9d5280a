import type { Decider } from '../shared/decider.js';
import { recordInstrumentResponse } from './decide/record-instrument-response.js';
import type { InstrumentResponseCommand } from './survey-instrument.commands.js';
import type { InstrumentResponseEvent } from './survey-instrument.events.js';
import type { InstrumentResponseState } from './survey-instrument.state.js';

export type { InstrumentResponseState } from './survey-instrument.state.js';

/**
 * One stream per response, not the instrument's: an instrument is shared by projects and
 * territories, and answers from many respondents must not contend for one stream.
 */
export const instrumentResponseStreamId = (responseId: string) => `instrument-response-${responseId}`;

export const instrumentResponseDecider: Decider<
  InstrumentResponseCommand,
  InstrumentResponseEvent,
  InstrumentResponseState
> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'RecordInstrumentResponse':
        return recordInstrumentResponse(command, state);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'InstrumentResponseRecorded':
        return { status: 'recorded' };
    }
  },
};
