import type { SurveyInstrumentMeasure, SurveyInstrumentRespondents, SurveyScale } from './survey-instrument.events.js';

export type RegisteredSurveyInstrumentState = {
  readonly status: 'registered';
  readonly measures: SurveyInstrumentMeasure;
  readonly respondents: SurveyInstrumentRespondents;
  readonly itemCount: number;
  readonly scale: SurveyScale;
  readonly retired: boolean;
};

export type SurveyInstrumentState = { readonly status: 'unknown' } | RegisteredSurveyInstrumentState;

/** A response stream holds one response: recording it again is refused. */
export type InstrumentResponseState = { readonly status: 'unknown' } | { readonly status: 'recorded' };
