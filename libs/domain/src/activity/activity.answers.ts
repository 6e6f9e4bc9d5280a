import { requireText } from '../shared/guards.js';
import type { SatisfactionInstrument } from './activity.commands.js';
import { activityError } from './activity.reasons.js';

/**
 * Checks a survey response against the instrument it was given on. Kept here rather than imported
 * from the survey-instrument slice so the Activity aggregate does not depend on another aggregate.
 */
export function validateSatisfactionAnswers(instrument: SatisfactionInstrument, answers: readonly number[]): void {
  requireText('instrument.instrumentId', instrument.instrumentId, 100);
  const { scaleMin, scaleMax, items } = instrument;
  if (!Number.isInteger(scaleMin) || !Number.isInteger(scaleMax) || scaleMin >= scaleMax) {
    throw activityError('INVALID_SCALE', `The scale ${scaleMin}..${scaleMax} is not a range of whole numbers`, {
      field: 'instrument',
    });
  }
  if (items.length === 0) {
    throw activityError('INSTRUMENT_WITHOUT_ITEMS', `Instrument ${instrument.instrumentId} has no items`, {
      field: 'instrument.items',
    });
  }
  if (answers.length !== items.length) {
    throw activityError('ANSWER_COUNT_MISMATCH', `Expected ${items.length} answers, got ${answers.length}`, {
      field: 'answers',
      expected: items.length,
      actual: answers.length,
    });
  }
  answers.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < scaleMin || answer > scaleMax) {
      throw activityError(
        'ANSWER_OUT_OF_SCALE',
        `Answer ${index + 1} must be a whole number from ${scaleMin} to ${scaleMax}`,
        {
          field: 'answers',
          index,
          min: scaleMin,
          max: scaleMax,
        },
      );
    }
  });
}
