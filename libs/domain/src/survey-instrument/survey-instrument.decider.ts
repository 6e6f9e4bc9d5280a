import type { Decider } from '../shared/decider.js';
import { registerSurveyInstrument } from './decide/register-survey-instrument.js';
import { retireSurveyInstrument } from './decide/retire-survey-instrument.js';
import type { SurveyInstrumentCommand } from './survey-instrument.commands.js';
import type { SurveyInstrumentEvent } from './survey-instrument.events.js';
import type { SurveyInstrumentState } from './survey-instrument.state.js';

export type { RegisteredSurveyInstrumentState, SurveyInstrumentState } from './survey-instrument.state.js';
export { instrumentForResponse, requireUsableSurveyInstrument } from './survey-instrument.guards.js';

export const surveyInstrumentStreamId = (instrumentId: string) => `survey-instrument-${instrumentId}`;

export const surveyInstrumentDecider: Decider<SurveyInstrumentCommand, SurveyInstrumentEvent, SurveyInstrumentState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterSurveyInstrument':
        return registerSurveyInstrument(command, state);
      case 'RetireSurveyInstrument':
        return retireSurveyInstrument(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SurveyInstrumentRegistered':
        return {
          status: 'registered',
          measures: event.data.measures,
          respondents: event.data.respondents,
          itemCount: event.data.itemCount,
          scale: event.data.scale,
          retired: false,
        };
      case 'SurveyInstrumentRetired':
        return state.status === 'registered' ? { ...state, retired: true } : state;
    }
  },
};
