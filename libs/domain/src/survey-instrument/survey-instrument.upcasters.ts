import type { Upcaster } from '../shared/aggregate.js';

/**
 * SurveyInstrumentRegistered v1 had no respondents and no item wording. Every v1 instrument was
 * answered by carers at activities (satisfaction surveys and quizzes), so it reads as 'carers';
 * its items stay unworded (null), not invented.
 */
const surveyInstrumentRegisteredV1ToV2: Upcaster = {
  eventType: 'SurveyInstrumentRegistered',
  fromVersion: 1,
  upcast(data) {
    return { ...data, respondents: 'carers', items: null };
  },
};

export const surveyInstrumentUpcasters: Upcaster[] = [surveyInstrumentRegisteredV1ToV2];
