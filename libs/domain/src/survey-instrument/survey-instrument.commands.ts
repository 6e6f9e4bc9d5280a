import type { DomainCommand } from '../shared/decider.js';
import type { SurveyInstrumentMeasure, SurveyScale } from './survey-instrument.events.js';

export type RegisterSurveyInstrument = DomainCommand<
  'RegisterSurveyInstrument',
  {
    instrumentId: string;
    name: string;
    description: string | null;
    measures: SurveyInstrumentMeasure;
    itemCount: number;
    scale: SurveyScale;
  }
>;

export type RetireSurveyInstrument = DomainCommand<'RetireSurveyInstrument', { instrumentId: string; reason: string }>;

export type SurveyInstrumentCommand = RegisterSurveyInstrument | RetireSurveyInstrument;
