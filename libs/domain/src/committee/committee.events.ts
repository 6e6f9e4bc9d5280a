import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const COMMITTEE_GOAL_OUTCOMES = ['reached', 'partially_reached', 'unfulfilled'] as const;
export type CommitteeGoalOutcome = (typeof COMMITTEE_GOAL_OUTCOMES)[number];

export type CommitteeGoalDefined = DomainEvent<
  'CommitteeGoalDefined',
  { projectId: string; goalId: string; description: string }
>;

export type CommitteeGoalAssessed = DomainEvent<
  'CommitteeGoalAssessed',
  { projectId: string; goalId: string; outcome: CommitteeGoalOutcome; note: string | null }
>;

/** A later judgement replaces the earlier one; the first assessment stays in history. */
export type CommitteeGoalReassessed = DomainEvent<
  'CommitteeGoalReassessed',
  {
    projectId: string;
    goalId: string;
    previousOutcome: CommitteeGoalOutcome;
    outcome: CommitteeGoalOutcome;
    note: string | null;
    reason: string;
  }
>;

/** The target "the committee becomes self-organising" is met. */
export type CommitteeBecameSelfOrganising = DomainEvent<
  'CommitteeBecameSelfOrganising',
  { projectId: string; note: string | null }
>;

export type CommitteeEvent =
  CommitteeGoalDefined | CommitteeGoalAssessed | CommitteeGoalReassessed | CommitteeBecameSelfOrganising;

/** Every type of CommitteeEvent, at runtime (the compiler keeps it complete). */
export const COMMITTEE_EVENT_TYPES = eventTypesOf<CommitteeEvent>({
  CommitteeGoalDefined: true,
  CommitteeGoalAssessed: true,
  CommitteeGoalReassessed: true,
  CommitteeBecameSelfOrganising: true,
});
