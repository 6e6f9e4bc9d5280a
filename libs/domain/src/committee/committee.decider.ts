import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import type { CommitteeCommand } from './committee.commands.js';
import type { CommitteeEvent } from './committee.events.js';
import type { CommitteeState } from './committee.state.js';
import { assessCommitteeGoal } from './decide/assess-committee-goal.js';
import { defineCommitteeGoal } from './decide/define-committee-goal.js';
import { reassessCommitteeGoal } from './decide/reassess-committee-goal.js';
import { recordCommitteeSelfOrganising } from './decide/record-committee-self-organising.js';

export type { CommitteeState } from './committee.state.js';

export const committeeStreamId = (projectId: string) => `committee-${projectId}`;

export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  initialState: { goals: {}, selfOrganising: false },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'DefineCommitteeGoal':
        return defineCommitteeGoal(command, state);
      case 'AssessCommitteeGoal':
        return assessCommitteeGoal(command, state);
      case 'ReassessCommitteeGoal':
        return reassessCommitteeGoal(command, state);
      case 'RecordCommitteeSelfOrganising':
        return recordCommitteeSelfOrganising(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CommitteeGoalDefined':
        return { ...state, goals: { ...state.goals, [event.data.goalId]: { outcome: null } } };
      case 'CommitteeGoalAssessed':
      case 'CommitteeGoalReassessed':
        return { ...state, goals: { ...state.goals, [event.data.goalId]: { outcome: event.data.outcome } } };
      case 'CommitteeBecameSelfOrganising':
        return { ...state, selfOrganising: true };
    }
  },
};
