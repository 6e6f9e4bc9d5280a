import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

/** What an instrument's scores feed: the satisfaction or the understanding indicators, or neither. */
export const SURVEY_INSTRUMENT_MEASURES = ['satisfaction', 'understanding', 'other'] as const;
export type SurveyInstrumentMeasure = (typeof SURVEY_INSTRUMENT_MEASURES)[number];

/**
 * Who answers an instrument: carers (satisfaction and quizzes at activities, the engagement-quality
 * scale) or the members of the partner organisations (partnership synergy, collaboration factors).
 * It decides who may answer, and whether the scores are carers' own facts (small-group suppressed).
 */
export const SURVEY_INSTRUMENT_RESPONDENTS = ['carers', 'partner_members'] as const;
export type SurveyInstrumentRespondents = (typeof SURVEY_INSTRUMENT_RESPONDENTS)[number];

export interface SurveyScaleLabel {
  readonly value: number;
  readonly label: string;
}

/**
 * The answer range shared by every item, e.g. 1..3 for the 13-item training satisfaction survey,
 * 1..4 for the peer-meeting scale (4 = completely satisfied), 0..1 for a right/wrong quiz question.
 */
export interface SurveyScale {
  readonly minimum: number;
  readonly maximum: number;
  /** Labels for some or all scale points, ordered by value; null when the scale is unlabelled. */
  readonly labels: readonly SurveyScaleLabel[] | null;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type SurveyInstrumentRegistration = {
  instrumentId: string;
  name: string;
  description: string | null;
  measures: SurveyInstrumentMeasure;
  itemCount: number;
  scale: SurveyScale;
  /** v2; v1 events read as 'carers' (every instrument before v2 was answered by carers at activities). */
  respondents: SurveyInstrumentRespondents;
  /** v2: the wording of each item, in order (one per item), or null when only the count is known. */
  items: string[] | null;
};

export type SurveyInstrumentRegistered = DomainEvent<'SurveyInstrumentRegistered', SurveyInstrumentRegistration>;

export type SurveyInstrumentRetired = DomainEvent<'SurveyInstrumentRetired', { instrumentId: string; reason: string }>;

export type SurveyInstrumentEvent = SurveyInstrumentRegistered | SurveyInstrumentRetired;

/** One respondent, by pseudonymous id only (never a name): a carer of the project, or a partner organisation's member. */
export type InstrumentRespondent =
  { kind: 'carer'; carerId: string } | { kind: 'partner_member'; organisationId: string; memberId: string };

/**
 * One respondent's answers to an instrument outside any activity (e.g. a partnership synergy
 * questionnaire mid-pilot). Keeps the item ids and scale answered against, as satisfaction surveys
 * do: instruments are data, and a normalised score is `answer / scaleMax`.
 */
export type InstrumentResponseRecorded = DomainEvent<
  'InstrumentResponseRecorded',
  {
    responseId: string;
    projectId: string;
    instrumentId: string;
    respondent: InstrumentRespondent;
    itemIds: string[];
    scaleMin: number;
    scaleMax: number;
    answers: number[];
  }
>;

export type InstrumentResponseEvent = InstrumentResponseRecorded;

/** Every type of InstrumentResponseEvent, at runtime. */
export const INSTRUMENT_RESPONSE_EVENT_TYPES = eventTypesOf<InstrumentResponseEvent>({
  InstrumentResponseRecorded: true,
});

/** Every type of SurveyInstrumentEvent, at runtime (the compiler keeps it complete). */
export const SURVEY_INSTRUMENT_EVENT_TYPES = eventTypesOf<SurveyInstrumentEvent>({
  SurveyInstrumentRegistered: true,
  SurveyInstrumentRetired: true,
});
