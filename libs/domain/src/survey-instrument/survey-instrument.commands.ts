import type { DomainCommand } from '../shared/decider.js';
import type {
  InstrumentRespondent,
  SurveyInstrumentRegistration,
  SurveyInstrumentRespondents,
  SurveyScale,
} from './survey-instrument.events.js';

/** `respondents` defaults to carers and `items` to null, as for instruments registered before they existed. */
export type RegisterSurveyInstrument = DomainCommand<
  'RegisterSurveyInstrument',
  Omit<SurveyInstrumentRegistration, 'respondents' | 'items'> & {
    respondents?: SurveyInstrumentRespondents;
    items?: string[] | null;
  }
>;

export type RetireSurveyInstrument = DomainCommand<'RetireSurveyInstrument', { instrumentId: string; reason: string }>;

export type SurveyInstrumentCommand = RegisterSurveyInstrument | RetireSurveyInstrument;

/**
 * What a response is checked against, from the instrument's own state (`instrumentForResponse`):
 * the handler loads the instrument and passes this in the command, as activities do for surveys.
 */
export interface AnsweredInstrument {
  readonly instrumentId: string;
  readonly respondents: SurveyInstrumentRespondents;
  readonly itemCount: number;
  readonly scale: Pick<SurveyScale, 'minimum' | 'maximum'>;
}

export type RecordInstrumentResponse = DomainCommand<
  'RecordInstrumentResponse',
  {
    responseId: string;
    projectId: string;
    instrument: AnsweredInstrument;
    respondent: InstrumentRespondent;
    /** One answer per item, in the instrument's item order. */
    answers: number[];
  }
>;

export type InstrumentResponseCommand = RecordInstrumentResponse;
