import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export const COMMITTEE_GOAL_OUTCOMES = ['reached', 'partially_reached', 'unfulfilled'] as const;
export type CommitteeGoalOutcome = (typeof COMMITTEE_GOAL_OUTCOMES)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type CommitteeGoalDefinition = { projectId: string; goalId: string; description: string };
export type CommitteeGoalAssessment = {
  projectId: string;
  goalId: string;
  outcome: CommitteeGoalOutcome;
  note: string | null;
};

export type CommitteeGoalDefined = DomainEvent<'CommitteeGoalDefined', CommitteeGoalDefinition>;

export type CommitteeGoalAssessed = DomainEvent<'CommitteeGoalAssessed', CommitteeGoalAssessment>;

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
