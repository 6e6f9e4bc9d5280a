import type { Decider } from '../shared/decider.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireNotInFuture, requireOneOf, requireText } from '../shared/guards.js';
import type { CommitteeCommand } from './committee.commands.js';
import { COMMITTEE_GOAL_OUTCOMES, type CommitteeEvent, type CommitteeGoalOutcome } from './committee.events.js';

/** One committee per project; a goal's outcome is null until it is assessed. */
export interface CommitteeState {
  readonly goals: Readonly<Record<string, { readonly outcome: CommitteeGoalOutcome | null }>>;
  readonly selfOrganising: boolean;
}

export const committeeStreamId = (projectId: string) => `committee-${projectId}`;

const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 2000));

// Own keys only: a goal id such as "constructor" must not find an inherited property.
const goalOf = (state: CommitteeState, goalId: string) =>
  Object.hasOwn(state.goals, goalId) ? state.goals[goalId] : undefined;

function existingGoal(state: CommitteeState, goalId: string) {
  const goal = goalOf(state, goalId);
  if (!goal) throw notFound('GOAL_NOT_FOUND', `Committee goal ${goalId} was never defined`, { goalId });
  return goal;
}

export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  initialState: { goals: {}, selfOrganising: false },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    const projectId = command.data.projectId;
    switch (command.type) {
      case 'DefineCommitteeGoal': {
        const goalId = requireText('goalId', command.data.goalId, 100);
        if (goalOf(state, goalId)) {
          throw conflict('GOAL_ALREADY_DEFINED', `Committee goal ${goalId} already exists`, { goalId });
        }
        return [
          {
            type: 'CommitteeGoalDefined',
            data: { projectId, goalId, description: requireText('description', command.data.description) },
          },
        ];
      }
      case 'AssessCommitteeGoal': {
        const goalId = command.data.goalId;
        const goal = existingGoal(state, goalId);
        // A changed judgement is a distinct fact (ReassessCommitteeGoal) so the first one is never overwritten.
        if (goal.outcome !== null) {
          throw conflict('GOAL_ALREADY_ASSESSED', `Committee goal ${goalId} was already assessed`, { goalId });
        }
        return [
          {
            type: 'CommitteeGoalAssessed',
            data: {
              projectId,
              goalId,
              outcome: requireOneOf('outcome', command.data.outcome, COMMITTEE_GOAL_OUTCOMES),
              note: optionalNote(command.data.note),
            },
          },
        ];
      }
      case 'ReassessCommitteeGoal': {
        const goalId = command.data.goalId;
        const goal = existingGoal(state, goalId);
        if (goal.outcome === null) {
          throw conflict('GOAL_NOT_ASSESSED', `Committee goal ${goalId} has no assessment to revise`, { goalId });
        }
        return [
          {
            type: 'CommitteeGoalReassessed',
            data: {
              projectId,
              goalId,
              previousOutcome: goal.outcome,
              outcome: requireOneOf('outcome', command.data.outcome, COMMITTEE_GOAL_OUTCOMES),
              note: optionalNote(command.data.note),
              reason: requireText('reason', command.data.reason),
            },
          },
        ];
      }
      case 'RecordCommitteeSelfOrganising': {
        if (state.selfOrganising) {
          throw conflict('COMMITTEE_ALREADY_SELF_ORGANISING', 'The committee is already recorded as self-organising');
        }
        return [{ type: 'CommitteeBecameSelfOrganising', data: { projectId, note: optionalNote(command.data.note) } }];
      }
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
