import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireInteger, requireOneOf, requireText } from '../shared/guards.js';
import type { SurveyInstrumentCommand } from './survey-instrument.commands.js';
import {
  SURVEY_INSTRUMENT_MEASURES,
  type SurveyInstrumentEvent,
  type SurveyInstrumentMeasure,
  type SurveyScale,
} from './survey-instrument.events.js';

export type RegisteredSurveyInstrumentState = {
  readonly status: 'registered';
  readonly measures: SurveyInstrumentMeasure;
  readonly itemCount: number;
  readonly scale: SurveyScale;
  readonly retired: boolean;
};

export type SurveyInstrumentState = { readonly status: 'unknown' } | RegisteredSurveyInstrumentState;

export const surveyInstrumentStreamId = (instrumentId: string) => `survey-instrument-${instrumentId}`;

const SCALE_CEILING = 100;

function registered(state: SurveyInstrumentState, instrumentId: string): RegisteredSurveyInstrumentState {
  if (state.status === 'unknown') {
    throw notFound('SURVEY_INSTRUMENT_NOT_FOUND', `Survey instrument ${instrumentId} does not exist`);
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
    throw conflict('SURVEY_INSTRUMENT_RETIRED', `Survey instrument ${instrumentId} is retired`);
  }
  return instrument;
}

// The scale starts at 0 or above so that answer / maximum stays a share between 0 and 1.
function validScale(scale: SurveyScale): SurveyScale {
  const minimum = requireInteger('scale.minimum', scale.minimum, 0, SCALE_CEILING - 1);
  const maximum = requireInteger('scale.maximum', scale.maximum, minimum + 1, SCALE_CEILING);
  // An absent list (e.g. an omitted optional API input) means an unlabelled scale.
  if (!scale.labels) return { minimum, maximum, labels: null };
  const labels = scale.labels
    .map(({ value, label }) => ({
      value: requireInteger('scale.labels.value', value, minimum, maximum),
      label: requireText('scale.labels.label', label, 100),
    }))
    .sort((a, b) => a.value - b.value);
  if (labels.some((entry, index) => index > 0 && labels[index - 1]?.value === entry.value)) {
    throw invalid('DUPLICATE_SCALE_LABEL', 'Each scale point has at most one label', { field: 'scale.labels' });
  }
  return { minimum, maximum, labels };
}

export const surveyInstrumentDecider: Decider<SurveyInstrumentCommand, SurveyInstrumentEvent, SurveyInstrumentState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterSurveyInstrument': {
        const data = command.data;
        if (state.status !== 'unknown') {
          throw conflict(
            'SURVEY_INSTRUMENT_ALREADY_REGISTERED',
            `Survey instrument ${data.instrumentId} is already registered`,
          );
        }
        return [
          {
            type: 'SurveyInstrumentRegistered',
            data: {
              instrumentId: requireText('instrumentId', data.instrumentId, 100),
              name: requireText('name', data.name, 200),
              description: data.description === null ? null : requireText('description', data.description, 2000),
              measures: requireOneOf('measures', data.measures, SURVEY_INSTRUMENT_MEASURES),
              itemCount: requireInteger('itemCount', data.itemCount, 1, 100),
              scale: validScale(data.scale),
            },
          },
        ];
      }
      case 'RetireSurveyInstrument': {
        const instrument = registered(state, command.data.instrumentId);
        if (instrument.retired) {
          throw conflict(
            'SURVEY_INSTRUMENT_ALREADY_RETIRED',
            `Survey instrument ${command.data.instrumentId} is retired`,
          );
        }
        return [
          {
            type: 'SurveyInstrumentRetired',
            data: { instrumentId: command.data.instrumentId, reason: requireText('reason', command.data.reason) },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SurveyInstrumentRegistered':
        return {
          status: 'registered',
          measures: event.data.measures,
          itemCount: event.data.itemCount,
          scale: event.data.scale,
          retired: false,
        };
      case 'SurveyInstrumentRetired':
        return state.status === 'registered' ? { ...state, retired: true } : state;
    }
  },
};
