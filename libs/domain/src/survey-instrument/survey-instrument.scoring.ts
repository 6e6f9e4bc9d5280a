import type { SurveyScale } from './survey-instrument.events.js';
import { surveyInstrumentError } from './survey-instrument.reasons.js';

/**
 * What scoring needs to know of an instrument. A registered SurveyInstrumentState satisfies it;
 * another aggregate's command handler loads the instrument and passes this shape in its command.
 */
export interface SurveyInstrumentDefinition {
  readonly itemCount: number;
  readonly scale: Pick<SurveyScale, 'minimum' | 'maximum'>;
}

function requireOnScale(answer: number, instrument: SurveyInstrumentDefinition, item: number | null): number {
  const { minimum, maximum } = instrument.scale;
  if (!Number.isInteger(answer) || answer < minimum || answer > maximum) {
    throw surveyInstrumentError('ANSWER_OUT_OF_SCALE', `Answers must be integers from ${minimum} to ${maximum}`, {
      field: item === null ? 'answer' : `answers[${item}]`,
      min: minimum,
      max: maximum,
    });
  }
  return answer;
}

/** One answer as a share of the scale maximum: 4 of 4 is 1 (100%), 3 of 4 is 0.75. */
export function normalisedScore(answer: number, instrument: SurveyInstrumentDefinition): number {
  return requireOnScale(answer, instrument, null) / instrument.scale.maximum;
}

/** Throws unless there is exactly one on-scale answer per item; returns the answers unchanged. */
export function validateAnswers(answers: readonly number[], instrument: SurveyInstrumentDefinition): readonly number[] {
  if (answers.length !== instrument.itemCount) {
    throw surveyInstrumentError(
      'WRONG_NUMBER_OF_ANSWERS',
      `Expected ${instrument.itemCount} answers, got ${answers.length}`,
      {
        field: 'answers',
        expected: instrument.itemCount,
        received: answers.length,
      },
    );
  }
  answers.forEach((answer, item) => requireOnScale(answer, instrument, item));
  return answers;
}

/** A respondent's overall score: the mean of the normalised scores of a complete set of answers. */
export function meanNormalisedScore(answers: readonly number[], instrument: SurveyInstrumentDefinition): number {
  validateAnswers(answers, instrument);
  return answers.reduce((sum, answer) => sum + answer / instrument.scale.maximum, 0) / answers.length;
}
