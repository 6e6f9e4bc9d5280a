import { requireText } from '../../shared/guards.js';
import type { RetireSurveyInstrument } from '../survey-instrument.commands.js';
import type { SurveyInstrumentEvent } from '../survey-instrument.events.js';
import { registered } from '../survey-instrument.guards.js';
import { surveyInstrumentError } from '../survey-instrument.reasons.js';
import type { SurveyInstrumentState } from '../survey-instrument.state.js';

export function retireSurveyInstrument(
  command: RetireSurveyInstrument,
  state: SurveyInstrumentState,
): SurveyInstrumentEvent[] {
  const { instrumentId } = command.data;
  const instrument = registered(state, instrumentId);
  if (instrument.retired) {
    throw surveyInstrumentError('SURVEY_INSTRUMENT_ALREADY_RETIRED', `Survey instrument ${instrumentId} is retired`);
  }
  return [
    {
      type: 'SurveyInstrumentRetired',
      data: { instrumentId, reason: requireText('reason', command.data.reason) },
    },
  ];
}
