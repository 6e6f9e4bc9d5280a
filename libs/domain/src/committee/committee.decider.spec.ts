import { describe, it } from '@jest/globals';
import { NOW, scenario } from '../shared/given-when-then.js';
import type { CommitteeGoalAssessed, CommitteeGoalDefined } from './committee.events.js';
import { committeeDecider } from './committee.decider.js';

const projectId = 'p-1';
const goalId = 'g-spokesperson';
const defined: CommitteeGoalDefined = {
  type: 'CommitteeGoalDefined',
  data: { projectId, goalId, description: "Be the carers' spokesperson" },
};
const assessed: CommitteeGoalAssessed = {
  type: 'CommitteeGoalAssessed',
  data: { projectId, goalId, outcome: 'partially_reached', note: null },
};
const committee = scenario(committeeDecider);
const tomorrow = new Date(NOW.getTime() + 24 * 3600 * 1000);

describe('Committee', () => {
  it('defines a goal at the start', () => {
    committee
      .given()
      .when({ type: 'DefineCommitteeGoal', data: { projectId, goalId, description: "  Be the carers' spokesperson " } })
      .then(defined);
  });

  it('refuses to define the same goal twice', () => {
    committee
      .given(defined)
      .when({ type: 'DefineCommitteeGoal', data: { projectId, goalId, description: 'Elect representatives' } })
      .thenFails('GOAL_ALREADY_DEFINED', 'conflict');
  });

  it.each([
    ['an empty description', { projectId, goalId, description: ' ' }, 'REQUIRED'],
    ['a description that is too long', { projectId, goalId, description: 'x'.repeat(501) }, 'TOO_LONG'],
    ['an empty goal id', { projectId, goalId: '', description: 'Elect representatives' }, 'REQUIRED'],
  ])('refuses a goal with %s', (_title, data, reason) => {
    committee.given().when({ type: 'DefineCommitteeGoal', data }).thenFails(reason, 'invalid');
  });

  it('refuses a goal defined in the future', () => {
    committee
      .given()
      .when({ type: 'DefineCommitteeGoal', data: defined.data }, { occurredAt: tomorrow })
      .thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('assesses a defined goal with an optional note', () => {
    committee
      .given(defined)
      .when({
        type: 'AssessCommitteeGoal',
        data: { projectId, goalId, outcome: 'reached', note: ' Chosen by carers ' },
      })
      .then({
        type: 'CommitteeGoalAssessed',
        data: { projectId, goalId, outcome: 'reached', note: 'Chosen by carers' },
      });
    committee
      .given(defined)
      .when({ type: 'AssessCommitteeGoal', data: { projectId, goalId, outcome: 'partially_reached', note: null } })
      .then(assessed);
  });

  it('refuses to assess a goal that was never defined', () => {
    committee
      .given()
      .when({ type: 'AssessCommitteeGoal', data: { projectId, goalId: 'constructor', outcome: 'reached', note: null } })
      .thenFails('GOAL_NOT_FOUND', 'not_found');
  });

  it('refuses an unknown outcome', () => {
    committee
      .given(defined)
      .when({
        type: 'AssessCommitteeGoal',
        data: { projectId, goalId, outcome: 'great' as 'reached', note: null },
      })
      .thenFails('NOT_ALLOWED', 'invalid');
  });

  it('assesses a goal only once', () => {
    committee
      .given(defined, assessed)
      .when({ type: 'AssessCommitteeGoal', data: { projectId, goalId, outcome: 'reached', note: null } })
      .thenFails('GOAL_ALREADY_ASSESSED', 'conflict');
  });

  it('revises an assessment as a separate fact that keeps the previous outcome', () => {
    committee
      .given(defined, assessed)
      .when({
        type: 'ReassessCommitteeGoal',
        data: { projectId, goalId, outcome: 'reached', note: null, reason: 'Co-assessment workshop' },
      })
      .then({
        type: 'CommitteeGoalReassessed',
        data: {
          projectId,
          goalId,
          previousOutcome: 'partially_reached',
          outcome: 'reached',
          note: null,
          reason: 'Co-assessment workshop',
        },
      });
  });

  it('revises from the latest outcome after an earlier revision', () => {
    committee
      .given(defined, assessed, {
        type: 'CommitteeGoalReassessed',
        data: { projectId, goalId, previousOutcome: 'partially_reached', outcome: 'reached', note: null, reason: 'a' },
      })
      .when({
        type: 'ReassessCommitteeGoal',
        data: { projectId, goalId, outcome: 'unfulfilled', note: 'no mandate', reason: 'b' },
      })
      .then({
        type: 'CommitteeGoalReassessed',
        data: {
          projectId,
          goalId,
          previousOutcome: 'reached',
          outcome: 'unfulfilled',
          note: 'no mandate',
          reason: 'b',
        },
      });
  });

  it('refuses to revise a goal that was never assessed, or never defined', () => {
    const data = { projectId, goalId, outcome: 'reached' as const, note: null, reason: 'second look' };
    committee.given(defined).when({ type: 'ReassessCommitteeGoal', data }).thenFails('GOAL_NOT_ASSESSED', 'conflict');
    committee.given().when({ type: 'ReassessCommitteeGoal', data }).thenFails('GOAL_NOT_FOUND', 'not_found');
  });

  it('requires a reason to revise an assessment', () => {
    committee
      .given(defined, assessed)
      .when({ type: 'ReassessCommitteeGoal', data: { projectId, goalId, outcome: 'reached', note: null, reason: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('records once that the committee became self-organising', () => {
    const selfOrganising = { type: 'CommitteeBecameSelfOrganising' as const, data: { projectId, note: null } };
    committee
      .given(defined)
      .when({ type: 'RecordCommitteeSelfOrganising', data: { projectId, note: null } })
      .then(selfOrganising);
    committee
      .given(defined, selfOrganising)
      .when({ type: 'RecordCommitteeSelfOrganising', data: { projectId, note: null } })
      .thenFails('COMMITTEE_ALREADY_SELF_ORGANISING', 'conflict');
  });

  it('refuses a note that is too long', () => {
    committee
      .given(defined)
      .when({ type: 'RecordCommitteeSelfOrganising', data: { projectId, note: 'x'.repeat(2001) } })
      .thenFails('TOO_LONG', 'invalid');
  });
});
