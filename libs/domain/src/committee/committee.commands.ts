import type { DomainCommand } from '../shared/decider.js';
import type { CommitteeGoalOutcome } from './committee.events.js';

export type DefineCommitteeGoal = DomainCommand<
  'DefineCommitteeGoal',
  { projectId: string; goalId: string; description: string }
>;

export type AssessCommitteeGoal = DomainCommand<
  'AssessCommitteeGoal',
  { projectId: string; goalId: string; outcome: CommitteeGoalOutcome; note: string | null }
>;

export type ReassessCommitteeGoal = DomainCommand<
  'ReassessCommitteeGoal',
  { projectId: string; goalId: string; outcome: CommitteeGoalOutcome; note: string | null; reason: string }
>;

export type RecordCommitteeSelfOrganising = DomainCommand<
  'RecordCommitteeSelfOrganising',
  { projectId: string; note: string | null }
>;

export type CommitteeCommand =
  DefineCommitteeGoal | AssessCommitteeGoal | ReassessCommitteeGoal | RecordCommitteeSelfOrganising;
