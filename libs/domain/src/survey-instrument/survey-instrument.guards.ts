import type { AnsweredInstrument } from './survey-instrument.commands.js';
import { surveyInstrumentError } from './survey-instrument.reasons.js';
import type { RegisteredSurveyInstrumentState, SurveyInstrumentState } from './survey-instrument.state.js';

export function registered(state: SurveyInstrumentState, instrumentId: string): RegisteredSurveyInstrumentState {
  if (state.status === 'unknown') {
    throw surveyInstrumentError('SURVEY_INSTRUMENT_NOT_FOUND', `Survey instrument ${instrumentId} does not exist`);
  }
  return state;
}

/**
 * For the handlers of aggregates that run surveys: the instrument they are about to use for a
 * new survey must exist and not be retired. Answers to surveys already run stay valid after retirement.
 */
export function requireUsableSurveyInstrument(
  state: SurveyInstrumentState,
  instrumentId: string,
): RegisteredSurveyInstrumentState {
  const instrument = registered(state, instrumentId);
  if (instrument.retired) {
    throw surveyInstrumentError('SURVEY_INSTRUMENT_RETIRED', `Survey instrument ${instrumentId} is retired`);
  }
  return instrument;
}

/** The instrument a response outside an activity is checked against: usable, with who answers it, its items and scale. */
export function instrumentForResponse(state: SurveyInstrumentState, instrumentId: string): AnsweredInstrument {
  const { respondents, itemCount, scale } = requireUsableSurveyInstrument(state, instrumentId);
  return { instrumentId, respondents, itemCount, scale: { minimum: scale.minimum, maximum: scale.maximum } };
}
