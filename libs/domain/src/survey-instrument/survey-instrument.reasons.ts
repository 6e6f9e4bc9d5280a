import { reasonError, type ReasonList } from '../shared/reason-list.js';

/** Why the SurveyInstrument aggregate (and scoring against an instrument) refuses (besides the shared guards' reasons). */
export const SURVEY_INSTRUMENT_ERROR_REASONS = {
  SURVEY_INSTRUMENT_NOT_FOUND: {
    category: 'not_found',
    description: 'No survey instrument was ever registered with this id.',
  },
  SURVEY_INSTRUMENT_ALREADY_REGISTERED: {
    category: 'conflict',
    description: 'A survey instrument with this id is already registered.',
  },
  SURVEY_INSTRUMENT_ALREADY_RETIRED: {
    category: 'conflict',
    description: 'The survey instrument is already retired.',
  },
  SURVEY_INSTRUMENT_RETIRED: {
    category: 'conflict',
    description: 'The survey instrument is retired: no new survey uses it (answers to surveys already run stay valid).',
  },
  DUPLICATE_SCALE_LABEL: {
    category: 'invalid',
    description: 'A point of the scale has more than one label.',
  },
  WRONG_NUMBER_OF_ANSWERS: {
    category: 'invalid',
    description: 'A set of answers does not give exactly one answer per item of the instrument.',
  },
  ANSWER_OUT_OF_SCALE: {
    category: 'invalid',
    description: 'An answer is not a whole number on the scale of the instrument.',
  },
  ITEMS_DO_NOT_MATCH_ITEM_COUNT: {
    category: 'invalid',
    description: 'The wording of the items is given, but not for exactly as many items as the instrument has.',
  },
  INSTRUMENT_RESPONSE_ALREADY_RECORDED: {
    category: 'conflict',
    description: 'A response with this id is already recorded.',
  },
  RESPONDENT_KIND_MISMATCH: {
    category: 'invalid',
    description:
      "The respondent is not of the kind the instrument is answered by (a carer answering a partner members' instrument, or the reverse).",
  },
  RESPONDENT_REQUIRED: {
    category: 'invalid',
    description: 'A response names neither or both of a carer and a partner member: exactly one respondent answers.',
  },
  RESPONDENT_NOT_IN_PROJECT: {
    category: 'invalid',
    description:
      "The respondent is not a registered carer of the project (or has withdrawn), or not a current member of a partner organisation of the project's partnership.",
  },
} as const satisfies ReasonList;

export const surveyInstrumentError = reasonError(SURVEY_INSTRUMENT_ERROR_REASONS);
