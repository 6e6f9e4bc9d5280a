import type { DomainCommand } from '../shared/decider.js';
import type { SurveyInstrumentRegistration } from './survey-instrument.events.js';

export type RegisterSurveyInstrument = DomainCommand<'RegisterSurveyInstrument', SurveyInstrumentRegistration>;

export type RetireSurveyInstrument = DomainCommand<'RetireSurveyInstrument', { instrumentId: string; reason: string }>;

export type SurveyInstrumentCommand = RegisterSurveyInstrument | RetireSurveyInstrument;
