import type { AggregateDefinition } from '../shared/aggregate.js';
import type { SurveyInstrumentCommand } from './survey-instrument.commands.js';
import {
  surveyInstrumentDecider,
  surveyInstrumentStreamId,
  type SurveyInstrumentState,
} from './survey-instrument.decider.js';
import type { SurveyInstrumentEvent } from './survey-instrument.events.js';

export const surveyInstrumentAggregate: AggregateDefinition<
  SurveyInstrumentCommand,
  SurveyInstrumentEvent,
  SurveyInstrumentState
> = {
  name: 'SurveyInstrument',
  decider: surveyInstrumentDecider,
  commandTypes: ['RegisterSurveyInstrument', 'RetireSurveyInstrument'],
  streamId: (command) => surveyInstrumentStreamId(command.data.instrumentId),
  // 2: respondents and item wording.
  schemaVersions: { SurveyInstrumentRegistered: 2 },
};
