import type { SurveyInstrumentMeasure, SurveyScale } from './survey-instrument.events.js';

export type RegisteredSurveyInstrumentState = {
  readonly status: 'registered';
  readonly measures: SurveyInstrumentMeasure;
  readonly itemCount: number;
  readonly scale: SurveyScale;
  readonly retired: boolean;
};

export type SurveyInstrumentState = { readonly status: 'unknown' } | RegisteredSurveyInstrumentState;
