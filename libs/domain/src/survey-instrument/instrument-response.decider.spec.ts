import { describe, expect, it } from '@jest/globals';
import type { CarerState } from '../carer/carer.state.js';
import type { PartnershipState } from '../partnership/partnership.state.js';
import { fold } from '../shared/decider.js';
import { DomainError } from '../shared/errors.js';
import { scenario } from '../shared/given-when-then.js';
import { upcast } from '../upcasting.js';
import { instrumentResponseAggregate } from './instrument-response.aggregate.js';
import { instrumentResponseDecider } from './instrument-response.decider.js';
import { respondentOfProject, respondentRef } from './instrument-response.respondent.js';
import type { AnsweredInstrument, RecordInstrumentResponse } from './survey-instrument.commands.js';
import { instrumentForResponse, surveyInstrumentDecider } from './survey-instrument.decider.js';
import type { InstrumentResponseRecorded, SurveyInstrumentRegistered } from './survey-instrument.events.js';

const synergy: AnsweredInstrument = {
  instrumentId: 'partnership-synergy',
  respondents: 'partner_members',
  itemCount: 3,
  scale: { minimum: 1, maximum: 5 },
};
const engagementQuality: AnsweredInstrument = {
  instrumentId: 'engagement-quality',
  respondents: 'carers',
  itemCount: 1,
  scale: { minimum: 1, maximum: 5 },
};
const memberAnswers: RecordInstrumentResponse['data'] = {
  responseId: 'r-1',
  projectId: 'valley',
  instrument: synergy,
  respondent: { kind: 'partner_member', organisationId: 'org-agency', memberId: 'm-7' },
  answers: [4, 3, 5],
};
const recorded: InstrumentResponseRecorded = {
  type: 'InstrumentResponseRecorded',
  data: {
    responseId: 'r-1',
    projectId: 'valley',
    instrumentId: 'partnership-synergy',
    respondent: { kind: 'partner_member', organisationId: 'org-agency', memberId: 'm-7' },
    itemIds: ['item-1', 'item-2', 'item-3'],
    scaleMin: 1,
    scaleMax: 5,
    answers: [4, 3, 5],
  },
};
const response = scenario(instrumentResponseDecider);

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('InstrumentResponse', () => {
  it("records a partner member's answers with the items and scale they were given against", () => {
    response.given().when({ type: 'RecordInstrumentResponse', data: memberAnswers }).then(recorded);
  });

  it("records a carer's answer to the engagement-quality scale", () => {
    const data: RecordInstrumentResponse['data'] = {
      responseId: 'r-2',
      projectId: 'valley',
      instrument: engagementQuality,
      respondent: { kind: 'carer', carerId: 'c-3' },
      answers: [2],
    };
    response
      .given()
      .when({ type: 'RecordInstrumentResponse', data })
      .then({
        type: 'InstrumentResponseRecorded',
        data: {
          responseId: 'r-2',
          projectId: 'valley',
          instrumentId: 'engagement-quality',
          respondent: { kind: 'carer', carerId: 'c-3' },
          itemIds: ['item-1'],
          scaleMin: 1,
          scaleMax: 5,
          answers: [2],
        },
      });
  });

  it('refuses to record a response twice', () => {
    response
      .given(recorded)
      .when({ type: 'RecordInstrumentResponse', data: memberAnswers })
      .thenFails('INSTRUMENT_RESPONSE_ALREADY_RECORDED', 'conflict');
  });

  it.each([
    ["a carer answering a partner members' instrument", { respondent: { kind: 'carer', carerId: 'c-1' } }],
    ["a partner member answering a carers' instrument", { instrument: { ...engagementQuality, itemCount: 3 } }],
  ])('refuses %s', (_title, change) => {
    const data = { ...memberAnswers, ...change } as RecordInstrumentResponse['data'];
    response.given().when({ type: 'RecordInstrumentResponse', data }).thenFails('RESPONDENT_KIND_MISMATCH', 'invalid');
  });

  it.each([
    ['too few answers', { answers: [4, 3] }, 'WRONG_NUMBER_OF_ANSWERS'],
    ['an answer above the scale', { answers: [4, 3, 6] }, 'ANSWER_OUT_OF_SCALE'],
    ['an answer below the scale', { answers: [0, 3, 5] }, 'ANSWER_OUT_OF_SCALE'],
    ['a fractional answer', { answers: [4, 3.5, 5] }, 'ANSWER_OUT_OF_SCALE'],
    ['no response id', { responseId: '' }, 'REQUIRED'],
    ['no project', { projectId: ' ' }, 'REQUIRED'],
    [
      'a member without an id',
      { respondent: { kind: 'partner_member', organisationId: 'org-agency', memberId: '' } },
      'REQUIRED',
    ],
  ])('refuses a response with %s', (_title, change, reason) => {
    const data = { ...memberAnswers, ...change } as RecordInstrumentResponse['data'];
    response.given().when({ type: 'RecordInstrumentResponse', data }).thenFails(reason, 'invalid');
  });

  it('routes each response to a stream of its own', () => {
    expect(instrumentResponseAggregate.streamId({ type: 'RecordInstrumentResponse', data: memberAnswers })).toBe(
      'instrument-response-r-1',
    );
  });
});

describe('What a response is checked against', () => {
  const registration: SurveyInstrumentRegistered['data'] = {
    instrumentId: 'partnership-synergy',
    name: 'Partnership synergy',
    description: null,
    measures: 'other',
    itemCount: 3,
    scale: { minimum: 1, maximum: 5, labels: null },
    respondents: 'partner_members',
    items: null,
  };

  it("takes the instrument's respondents, items and scale, and refuses a retired one", () => {
    const state = fold(surveyInstrumentDecider, [{ type: 'SurveyInstrumentRegistered', data: registration }]);
    expect(instrumentForResponse(state, 'partnership-synergy')).toEqual(synergy);
    const retired = fold(surveyInstrumentDecider, [
      { type: 'SurveyInstrumentRegistered', data: registration },
      { type: 'SurveyInstrumentRetired', data: { instrumentId: 'partnership-synergy', reason: 'replaced' } },
    ]);
    expect(failure(() => instrumentForResponse(retired, 'partnership-synergy')).reason).toBe(
      'SURVEY_INSTRUMENT_RETIRED',
    );
  });

  it('reads an instrument registered before v2 as answered by carers, its items unworded', () => {
    const { respondents: _r, items: _i, ...v1 } = registration;
    const event = upcast({ type: 'SurveyInstrumentRegistered', schemaVersion: 1, data: v1 });
    expect(event).toEqual({
      type: 'SurveyInstrumentRegistered',
      schemaVersion: 2,
      data: { ...v1, respondents: 'carers', items: null },
    });
  });
});

describe('Respondents of the project', () => {
  const carer = (projectId: string, withdrawn = false): CarerState =>
    ({ status: 'registered', projectId, withdrawn }) as unknown as CarerState;
  const partnership: PartnershipState = {
    status: 'formed',
    members: new Map([['m-7', 'org-agency']]),
  } as unknown as PartnershipState;

  it("accepts a carer of the project and a current partner member, with the member's organisation", () => {
    expect(respondentOfProject({ kind: 'carer', carerId: 'c-1' }, 'valley', { carer: carer('valley') })).toEqual({
      kind: 'carer',
      carerId: 'c-1',
    });
    expect(respondentOfProject({ kind: 'partner_member', memberId: 'm-7' }, 'valley', { partnership })).toEqual({
      kind: 'partner_member',
      organisationId: 'org-agency',
      memberId: 'm-7',
    });
  });

  it('takes exactly one respondent, a carer or a partner member', () => {
    expect(respondentRef('c-1', null)).toEqual({ kind: 'carer', carerId: 'c-1' });
    expect(respondentRef(null, 'm-7')).toEqual({ kind: 'partner_member', memberId: 'm-7' });
    expect(failure(() => respondentRef(null, null))).toMatchObject({ reason: 'RESPONDENT_REQUIRED' });
    expect(failure(() => respondentRef('c-1', 'm-7'))).toMatchObject({ reason: 'RESPONDENT_REQUIRED' });
  });

  it.each([
    ['an unknown carer', () => respondentOfProject({ kind: 'carer', carerId: 'c-9' }, 'valley', {})],
    [
      "another project's carer",
      () => respondentOfProject({ kind: 'carer', carerId: 'c-1' }, 'valley', { carer: carer('hills') }),
    ],
    [
      'a withdrawn carer',
      () => respondentOfProject({ kind: 'carer', carerId: 'c-1' }, 'valley', { carer: carer('valley', true) }),
    ],
    [
      'somebody who is no partner member',
      () => respondentOfProject({ kind: 'partner_member', memberId: 'm-8' }, 'valley', { partnership }),
    ],
  ])('refuses %s', (_title, run) => {
    expect(failure(run)).toMatchObject({ category: 'invalid', reason: 'RESPONDENT_NOT_IN_PROJECT' });
  });
});
