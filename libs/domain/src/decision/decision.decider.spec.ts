import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { ContestDecision, TakeDecision } from './decision.commands.js';
import type { DecisionContested, DecisionRevised, DecisionTaken } from './decision.events.js';
import { decisionDecider } from './decision.decider.js';
import { MAX_DECISION_ACTIVITIES } from './decision.events.js';

const projectId = 'p-1';
const decisionId = 'd-1';
const take: TakeDecision['data'] = {
  decisionId,
  projectId,
  description: 'Cancel the May peer meeting: low turnout expected',
  decidedByOrganisationId: 'org-homecare',
  decidedByRole: 'provider',
  affectsCarers: true,
  carersConsulted: false,
  activityIds: ['a-peer-may'],
};
const taken: DecisionTaken = { type: 'DecisionTaken', data: { ...take, carerInvolvement: 'informed' } };
const contest: ContestDecision['data'] = {
  decisionId,
  contestedByRole: 'carer',
  contestedByCarerId: 'c-8',
  grounds: 'We were not asked; several of us had arranged a substitute.',
};
const contested: DecisionContested = { type: 'DecisionContested', data: { ...contest, projectId } };
const revised: DecisionRevised = {
  type: 'DecisionRevised',
  data: {
    decisionId,
    projectId,
    description: 'Hold the May peer meeting online',
    carersConsulted: true,
    carerInvolvement: 'consulted',
    reason: 'Agreed with carers in the co-assessment workshop',
  },
};
const decision = scenario(decisionDecider);

describe('Decision', () => {
  it('records a decision taken, with whether carers were consulted and, not having been, that they were only informed', () => {
    decision.given().when({ type: 'TakeDecision', data: take }).then(taken);
  });

  it('records a decision that is not about an activity, nor about carers: no level of involvement', () => {
    decision
      .given()
      .when({ type: 'TakeDecision', data: { ...take, activityIds: [], affectsCarers: false } })
      .then({
        type: 'DecisionTaken',
        data: { ...take, activityIds: [], affectsCarers: false, carerInvolvement: null },
      });
  });

  it('records a decision that covers several activities, in the order given, their ids trimmed', () => {
    decision
      .given()
      .when({ type: 'TakeDecision', data: { ...take, activityIds: ['a-peer-may', ' a-peer-june ', 'a-course-3'] } })
      .then({
        type: 'DecisionTaken',
        data: { ...take, activityIds: ['a-peer-may', 'a-peer-june', 'a-course-3'], carerInvolvement: 'informed' },
      });
  });

  it('records a decision covering as many activities as allowed', () => {
    const activityIds = Array.from({ length: MAX_DECISION_ACTIVITIES }, (_, i) => `a-${i}`);
    decision
      .given()
      .when({ type: 'TakeDecision', data: { ...take, activityIds } })
      .then({ type: 'DecisionTaken', data: { ...take, activityIds, carerInvolvement: 'informed' } });
  });

  it('records a decision of the committee, which names no organisation', () => {
    const byCommittee = { ...take, decidedByRole: 'committee' as const, decidedByOrganisationId: null };
    decision
      .given()
      .when({ type: 'TakeDecision', data: byCommittee })
      .then({ type: 'DecisionTaken', data: { ...byCommittee, carerInvolvement: 'informed' } });
  });

  it.each([
    ['consulted', undefined, 'consulted'],
    ['involved', 'involved', 'involved'],
    ['co-decided', 'co_decided', 'co_decided'],
    ['led by carers', 'carer_led', 'carer_led'],
  ] as const)('records a decision whose carers were consulted and %s', (_title, given, recorded) => {
    decision
      .given()
      .when({ type: 'TakeDecision', data: { ...take, carersConsulted: true, carerInvolvement: given } })
      .then({ type: 'DecisionTaken', data: { ...take, carersConsulted: true, carerInvolvement: recorded } });
  });

  it.each([
    [
      'co-decided without consulting carers',
      { carerInvolvement: 'co_decided' },
      'INVOLVEMENT_CONTRADICTS_CONSULTATION',
    ],
    [
      'only informed carers who were consulted',
      { carersConsulted: true, carerInvolvement: 'informed' },
      'INVOLVEMENT_CONTRADICTS_CONSULTATION',
    ],
    ['a level off the ladder', { carersConsulted: true, carerInvolvement: 'delegated' }, 'UNKNOWN_INVOLVEMENT_LEVEL'],
    [
      'a level for a decision that does not affect carers',
      { affectsCarers: false, carerInvolvement: 'informed' },
      'INVOLVEMENT_WITHOUT_EFFECT_ON_CARERS',
    ],
  ] as const)('refuses a decision with %s', (_title, change, reason) => {
    decision
      .given()
      .when({ type: 'TakeDecision', data: { ...take, ...(change as Partial<TakeDecision['data']>) } })
      .thenFails(reason, 'invalid');
  });

  it('records a decision once', () => {
    decision.given(taken).when({ type: 'TakeDecision', data: take }).thenFails('DECISION_ALREADY_TAKEN', 'conflict');
  });

  it.each([
    ['an empty description', { ...take, description: '' }, 'REQUIRED'],
    ['an unknown role', { ...take, decidedByRole: 'carer' as 'provider' }, 'NOT_ALLOWED'],
    ['a blank deciding organisation', { ...take, decidedByOrganisationId: ' ' }, 'REQUIRED'],
    [
      'a provider decision without its organisation',
      { ...take, decidedByOrganisationId: null },
      'DECIDING_ORGANISATION_REQUIRED',
    ],
    [
      'a researcher decision without its organisation',
      { ...take, decidedByRole: 'researcher' as const, decidedByOrganisationId: null },
      'DECIDING_ORGANISATION_REQUIRED',
    ],
    ['an empty activity id', { ...take, activityIds: [''] }, 'REQUIRED'],
    ['a blank activity id among others', { ...take, activityIds: ['a-peer-may', '  '] }, 'REQUIRED'],
    [
      'an activity listed twice',
      { ...take, activityIds: ['a-peer-may', 'a-peer-june', 'a-peer-may'] },
      'DUPLICATE_ACTIVITY',
    ],
    [
      'an activity listed twice but for spaces',
      { ...take, activityIds: ['a-peer-may', 'a-peer-may '] },
      'DUPLICATE_ACTIVITY',
    ],
    [
      'more activities than a decision may cover',
      { ...take, activityIds: Array.from({ length: MAX_DECISION_ACTIVITIES + 1 }, (_, i) => `a-${i}`) },
      'TOO_MANY_ACTIVITIES',
    ],
  ])('refuses a decision with %s', (_title, data, reason) => {
    decision.given().when({ type: 'TakeDecision', data }).thenFails(reason, 'invalid');
  });

  it('refuses a decision dated in the future', () => {
    decision
      .given()
      .when({ type: 'TakeDecision', data: take }, { occurredAt: new Date(NOW.getTime() + 1000) })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('is contested by a carer', () => {
    decision.given(taken).when({ type: 'ContestDecision', data: contest }).then(contested);
  });

  it('is contested again, by carers as a group or by a partner', () => {
    decision
      .given(taken, contested)
      .when({ type: 'ContestDecision', data: { ...contest, contestedByCarerId: null } })
      .then({ type: 'DecisionContested', data: { ...contested.data, contestedByCarerId: null } });
    decision
      .given(taken, contested)
      .when({ type: 'ContestDecision', data: { ...contest, contestedByRole: 'researcher', contestedByCarerId: null } })
      .then({
        type: 'DecisionContested',
        data: { ...contested.data, contestedByRole: 'researcher', contestedByCarerId: null },
      });
  });

  it.each([
    ['a carer id for a partner', { contestedByRole: 'provider' as const }, 'CARER_ID_WITHOUT_CARER_ROLE'],
    ['an unknown role', { contestedByRole: 'neighbour' as 'carer' }, 'NOT_ALLOWED'],
    ['a carer named in plain text', { contestedByCarerId: 'Anna Bruni' }, 'NOT_PSEUDONYMOUS'],
    ['no grounds', { grounds: '  ' }, 'REQUIRED'],
  ])('refuses a contestation with %s', (_title, change, reason) => {
    decision
      .given(taken)
      .when({ type: 'ContestDecision', data: { ...contest, ...change } })
      .thenFails(reason, 'invalid');
  });

  it('refuses to contest or revise a decision that was never taken', () => {
    decision.given().when({ type: 'ContestDecision', data: contest }).thenFails('DECISION_NOT_FOUND', 'not_found');
    decision
      .given()
      .when({ type: 'ReviseDecision', data: { ...revised.data } })
      .thenFails('DECISION_NOT_FOUND', 'not_found');
  });

  it('is revised after being contested', () => {
    const { projectId: _projectId, ...revise } = revised.data;
    decision.given(taken, contested).when({ type: 'ReviseDecision', data: revise }).then(revised);
  });

  it('is revised without a contestation when only the consultation changes', () => {
    decision
      .given(taken)
      .when({
        type: 'ReviseDecision',
        data: { decisionId, description: take.description, carersConsulted: true, reason: 'Carers asked afterwards' },
      })
      .then({
        type: 'DecisionRevised',
        data: {
          decisionId,
          projectId,
          description: take.description,
          carersConsulted: true,
          carerInvolvement: 'consulted',
          reason: 'Carers asked afterwards',
        },
      });
  });

  it('is revised when only the level of involvement rises, and keeps the level when only the text changes', () => {
    const coDecided: DecisionRevised = {
      type: 'DecisionRevised',
      data: {
        ...revised.data,
        description: revised.data.description,
        carerInvolvement: 'co_decided',
        reason: 'Decided with the carers',
      },
    };
    decision
      .given(taken, contested, revised)
      .when({
        type: 'ReviseDecision',
        data: {
          decisionId,
          description: revised.data.description,
          carersConsulted: true,
          carerInvolvement: 'co_decided',
          reason: 'Decided with the carers',
        },
      })
      .then(coDecided);
    decision
      .given(taken, revised, coDecided)
      .when({
        type: 'ReviseDecision',
        data: { decisionId, description: 'Hold it online in June', carersConsulted: true, reason: 'Date' },
      })
      .then({
        type: 'DecisionRevised',
        data: { ...coDecided.data, description: 'Hold it online in June', reason: 'Date' },
      });
  });

  it('drops to the least level the consultation implies when a revision says carers were not consulted after all', () => {
    decision
      .given(taken, revised)
      .when({
        type: 'ReviseDecision',
        data: { decisionId, description: revised.data.description, carersConsulted: false, reason: 'Correction' },
      })
      .then({
        type: 'DecisionRevised',
        data: { ...revised.data, carersConsulted: false, carerInvolvement: 'informed', reason: 'Correction' },
      });
  });

  it('refuses a revision that changes nothing', () => {
    decision
      .given(taken, contested, revised)
      .when({
        type: 'ReviseDecision',
        data: { decisionId, description: revised.data.description, carersConsulted: true, reason: 'again' },
      })
      .thenFails('DECISION_UNCHANGED', 'conflict');
  });

  it('refuses a revision without a reason', () => {
    decision
      .given(taken)
      .when({ type: 'ReviseDecision', data: { decisionId, description: 'x', carersConsulted: true, reason: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('can be contested again once revised', () => {
    decision.given(taken, contested, revised).when({ type: 'ContestDecision', data: contest }).then(contested);
  });
});
