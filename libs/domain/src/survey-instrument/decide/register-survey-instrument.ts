import { requireInteger, requireOneOf, requireText } from '../../shared/guards.js';
import type { RegisterSurveyInstrument } from '../survey-instrument.commands.js';
import {
  SURVEY_INSTRUMENT_MEASURES,
  SURVEY_INSTRUMENT_RESPONDENTS,
  type SurveyInstrumentEvent,
  type SurveyScale,
} from '../survey-instrument.events.js';
import { surveyInstrumentError } from '../survey-instrument.reasons.js';
import type { SurveyInstrumentState } from '../survey-instrument.state.js';

const SCALE_CEILING = 100;

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
    throw surveyInstrumentError('DUPLICATE_SCALE_LABEL', 'Each scale point has at most one label', {
      field: 'scale.labels',
    });
  }
  return { minimum, maximum, labels };
}

/** Item wording is optional; when given, one text per item, in order. */
function validItems(items: readonly string[] | null | undefined, itemCount: number): string[] | null {
  if (!items) return null;
  if (items.length !== itemCount) {
    throw surveyInstrumentError(
      'ITEMS_DO_NOT_MATCH_ITEM_COUNT',
      `Expected the wording of ${itemCount} items, got ${items.length}`,
      { field: 'items', expected: itemCount, received: items.length },
    );
  }
  return items.map((item, index) => requireText(`items[${index}]`, item, 500));
}

export function registerSurveyInstrument(
  command: RegisterSurveyInstrument,
  state: SurveyInstrumentState,
): SurveyInstrumentEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw surveyInstrumentError(
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
        respondents: requireOneOf('respondents', data.respondents ?? 'carers', SURVEY_INSTRUMENT_RESPONDENTS),
        items: validItems(data.items, data.itemCount),
      },
    },
  ];
}
