import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/errors.js';
import { fold } from '../shared/decider.js';
import { scenario } from '../shared/given-when-then.js';
import { surveyInstrumentAggregate } from './survey-instrument.aggregate.js';
import type { RegisterSurveyInstrument } from './survey-instrument.commands.js';
import { requireUsableSurveyInstrument, surveyInstrumentDecider } from './survey-instrument.decider.js';
import type { SurveyInstrumentRegistered, SurveyInstrumentRetired } from './survey-instrument.events.js';
import { meanNormalisedScore, normalisedScore, validateAnswers } from './survey-instrument.scoring.js';

const instrumentId = 'si-peer';
const peerScale: RegisterSurveyInstrument['data'] = {
  instrumentId,
  name: 'Peer-meeting satisfaction',
  description: null,
  measures: 'satisfaction',
  itemCount: 1,
  scale: {
    minimum: 1,
    maximum: 4,
    labels: [
      { value: 4, label: 'completely satisfied' },
      { value: 3, label: 'satisfied' },
    ],
  },
};
const registered: SurveyInstrumentRegistered = {
  type: 'SurveyInstrumentRegistered',
  data: {
    ...peerScale,
    respondents: 'carers',
    items: null,
    scale: {
      minimum: 1,
      maximum: 4,
      labels: [
        { value: 3, label: 'satisfied' },
        { value: 4, label: 'completely satisfied' },
      ],
    },
  },
};
const retired: SurveyInstrumentRetired = {
  type: 'SurveyInstrumentRetired',
  data: { instrumentId, reason: 'replaced by a 5-point scale' },
};
const trainingSurvey = { itemCount: 13, scale: { minimum: 1, maximum: 3 } };
const instrument = scenario(surveyInstrumentDecider);

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('SurveyInstrument', () => {
  it('registers an instrument as data, with its labels ordered by scale point', () => {
    instrument.given().when({ type: 'RegisterSurveyInstrument', data: peerScale }).then(registered);
  });

  it('registers an unlabelled 13-item 3-point survey with a description', () => {
    const data: RegisterSurveyInstrument['data'] = {
      instrumentId: 'si-training',
      name: ' Training satisfaction ',
      description: 'Asked at the end of each course',
      measures: 'satisfaction',
      itemCount: 13,
      scale: { minimum: 1, maximum: 3, labels: null },
    };
    instrument
      .given()
      .when({ type: 'RegisterSurveyInstrument', data })
      .then({
        type: 'SurveyInstrumentRegistered',
        data: { ...data, name: 'Training satisfaction', respondents: 'carers', items: null },
      });
  });

  it("registers a partner members' instrument with the wording of its items", () => {
    const data: RegisterSurveyInstrument['data'] = {
      instrumentId: 'partnership-synergy',
      name: 'Partnership synergy',
      description: 'How well the partnership combines its partners’ perspectives, resources and skills',
      measures: 'other',
      respondents: 'partner_members',
      itemCount: 3,
      items: [
        ' Identify new and creative ways to solve problems ',
        'Include the views and priorities of the people affected',
        'Develop goals that are widely understood and supported',
      ],
      scale: {
        minimum: 1,
        maximum: 5,
        labels: [
          { value: 1, label: 'not well at all' },
          { value: 5, label: 'extremely well' },
        ],
      },
    };
    instrument
      .given()
      .when({ type: 'RegisterSurveyInstrument', data })
      .then({
        type: 'SurveyInstrumentRegistered',
        data: {
          ...data,
          respondents: 'partner_members',
          items: [
            'Identify new and creative ways to solve problems',
            'Include the views and priorities of the people affected',
            'Develop goals that are widely understood and supported',
          ],
        },
      });
  });

  it('refuses to register twice', () => {
    instrument
      .given(registered)
      .when({ type: 'RegisterSurveyInstrument', data: peerScale })
      .thenFails('SURVEY_INSTRUMENT_ALREADY_REGISTERED', 'conflict');
  });

  it.each([
    ['an empty name', { name: '' }, 'REQUIRED'],
    ['an empty description', { description: ' ' }, 'REQUIRED'],
    ['no items', { itemCount: 0 }, 'OUT_OF_RANGE'],
    ['more than 100 items', { itemCount: 101 }, 'OUT_OF_RANGE'],
    ['an unknown measure', { measures: 'trust' }, 'NOT_ALLOWED'],
    ['unknown respondents', { respondents: 'funders' }, 'NOT_ALLOWED'],
    ['the wording of 2 items for 1', { items: ['Overall', 'Again'] }, 'ITEMS_DO_NOT_MATCH_ITEM_COUNT'],
    ['an empty item wording', { items: [' '] }, 'REQUIRED'],
    ['a negative minimum', { scale: { minimum: -1, maximum: 4, labels: null } }, 'OUT_OF_RANGE'],
    ['a maximum not above the minimum', { scale: { minimum: 3, maximum: 3, labels: null } }, 'OUT_OF_RANGE'],
    ['a maximum above 100', { scale: { minimum: 1, maximum: 101, labels: null } }, 'OUT_OF_RANGE'],
    ['a fractional maximum', { scale: { minimum: 1, maximum: 4.5, labels: null } }, 'OUT_OF_RANGE'],
    [
      'a label off the scale',
      { scale: { minimum: 1, maximum: 4, labels: [{ value: 5, label: 'ecstatic' }] } },
      'OUT_OF_RANGE',
    ],
    ['an empty label', { scale: { minimum: 1, maximum: 4, labels: [{ value: 4, label: '' }] } }, 'REQUIRED'],
    [
      'two labels for one point',
      {
        scale: {
          minimum: 1,
          maximum: 4,
          labels: [
            { value: 4, label: 'completely satisfied' },
            { value: 4, label: 'very satisfied' },
          ],
        },
      },
      'DUPLICATE_SCALE_LABEL',
    ],
  ])('refuses an instrument with %s', (_title, change, reason) => {
    const data = { ...peerScale, ...change } as RegisterSurveyInstrument['data'];
    instrument.given().when({ type: 'RegisterSurveyInstrument', data }).thenFails(reason, 'invalid');
  });

  it('retires an instrument with a reason', () => {
    instrument
      .given(registered)
      .when({ type: 'RetireSurveyInstrument', data: { instrumentId, reason: 'replaced by a 5-point scale' } })
      .then(retired);
  });

  it('refuses to retire twice, without a reason, or an unknown instrument', () => {
    instrument
      .given(registered, retired)
      .when({ type: 'RetireSurveyInstrument', data: { instrumentId, reason: 'again' } })
      .thenFails('SURVEY_INSTRUMENT_ALREADY_RETIRED', 'conflict');
    instrument
      .given(registered)
      .when({ type: 'RetireSurveyInstrument', data: { instrumentId, reason: '' } })
      .thenFails('REQUIRED', 'invalid');
    instrument
      .given()
      .when({ type: 'RetireSurveyInstrument', data: { instrumentId, reason: 'unused' } })
      .thenFails('SURVEY_INSTRUMENT_NOT_FOUND', 'not_found');
  });

  it('lets handlers refuse new surveys on a missing or retired instrument', () => {
    const active = fold(surveyInstrumentDecider, [registered]);
    expect(requireUsableSurveyInstrument(active, instrumentId)).toEqual({
      status: 'registered',
      measures: 'satisfaction',
      respondents: 'carers',
      itemCount: 1,
      scale: registered.data.scale,
      retired: false,
    });
    const gone = fold(surveyInstrumentDecider, [registered, retired]);
    expect(failure(() => requireUsableSurveyInstrument(gone, instrumentId))).toMatchObject({
      category: 'conflict',
      reason: 'SURVEY_INSTRUMENT_RETIRED',
    });
    expect(
      failure(() => requireUsableSurveyInstrument(surveyInstrumentDecider.initialState, instrumentId)),
    ).toMatchObject({ category: 'not_found', reason: 'SURVEY_INSTRUMENT_NOT_FOUND' });
  });

  it('routes commands to the instrument stream', () => {
    expect(surveyInstrumentAggregate.streamId({ type: 'RegisterSurveyInstrument', data: peerScale })).toBe(
      'survey-instrument-si-peer',
    );
  });
});

describe('Survey scoring', () => {
  const peer = fold(surveyInstrumentDecider, [registered]);
  if (peer.status !== 'registered') throw new Error('fixture');

  it('normalises an answer by the scale maximum: 4 of 4 is 100%, 3 of 4 is 75%', () => {
    expect(normalisedScore(4, peer)).toBe(1);
    expect(normalisedScore(3, peer)).toBe(0.75);
    expect(normalisedScore(1, peer)).toBe(0.25);
    expect(normalisedScore(2, trainingSurvey)).toBeCloseTo(2 / 3);
  });

  it.each([0, 5, 2.5, Number.NaN])('refuses to normalise the off-scale answer %p', (answer) => {
    expect(failure(() => normalisedScore(answer, peer))).toMatchObject({
      category: 'invalid',
      reason: 'ANSWER_OUT_OF_SCALE',
    });
  });

  it('accepts one on-scale answer per item', () => {
    const answers = [3, 3, 2, 3, 1, 3, 3, 2, 3, 3, 3, 2, 3];
    expect(validateAnswers(answers, trainingSurvey)).toBe(answers);
  });

  it.each([
    ['too few answers', [3, 3], 'WRONG_NUMBER_OF_ANSWERS'],
    ['too many answers', Array.from({ length: 14 }, () => 3), 'WRONG_NUMBER_OF_ANSWERS'],
    ['an answer above the scale', [3, 3, 2, 3, 1, 3, 3, 2, 3, 3, 3, 2, 4], 'ANSWER_OUT_OF_SCALE'],
    ['an answer below the scale', [0, 3, 2, 3, 1, 3, 3, 2, 3, 3, 3, 2, 3], 'ANSWER_OUT_OF_SCALE'],
    ['a fractional answer', [2.5, 3, 2, 3, 1, 3, 3, 2, 3, 3, 3, 2, 3], 'ANSWER_OUT_OF_SCALE'],
  ])('refuses answers with %s', (_title, answers, reason) => {
    expect(failure(() => validateAnswers(answers, trainingSurvey))).toMatchObject({ category: 'invalid', reason });
  });

  it('names the off-scale item', () => {
    expect(failure(() => validateAnswers([3, 3, 2, 3, 1, 3, 3, 2, 3, 3, 3, 2, 4], trainingSurvey)).details).toEqual({
      field: 'answers[12]',
      min: 1,
      max: 3,
    });
  });

  it("averages a respondent's normalised answers", () => {
    expect(meanNormalisedScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], trainingSurvey)).toBe(1);
    expect(meanNormalisedScore([4], peer)).toBe(1);
    expect(meanNormalisedScore([3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3], trainingSurvey)).toBeCloseTo(33 / 39);
    expect(failure(() => meanNormalisedScore([], trainingSurvey)).reason).toBe('WRONG_NUMBER_OF_ANSWERS');
  });
});
