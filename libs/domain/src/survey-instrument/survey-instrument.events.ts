import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

/** What an instrument's scores feed: the satisfaction or the understanding indicators, or neither. */
export const SURVEY_INSTRUMENT_MEASURES = ['satisfaction', 'understanding', 'other'] as const;
export type SurveyInstrumentMeasure = (typeof SURVEY_INSTRUMENT_MEASURES)[number];

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
};

export type SurveyInstrumentRegistered = DomainEvent<'SurveyInstrumentRegistered', SurveyInstrumentRegistration>;

export type SurveyInstrumentRetired = DomainEvent<'SurveyInstrumentRetired', { instrumentId: string; reason: string }>;

export type SurveyInstrumentEvent = SurveyInstrumentRegistered | SurveyInstrumentRetired;

/** Every type of SurveyInstrumentEvent, at runtime (the compiler keeps it complete). */
export const SURVEY_INSTRUMENT_EVENT_TYPES = eventTypesOf<SurveyInstrumentEvent>({
  SurveyInstrumentRegistered: true,
  SurveyInstrumentRetired: true,
});
