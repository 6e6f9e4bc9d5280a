import type { DomainCommand } from '../shared/decider.js';
import type { CommitteeGoalAssessment, CommitteeGoalDefinition, CommitteeGoalOutcome } from './committee.events.js';

export type DefineCommitteeGoal = DomainCommand<'DefineCommitteeGoal', CommitteeGoalDefinition>;

export type AssessCommitteeGoal = DomainCommand<'AssessCommitteeGoal', CommitteeGoalAssessment>;

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
