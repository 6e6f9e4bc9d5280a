import type { DomainCommand } from '../shared/decider.js';
import type { DecisionContesterRole, DecidedByRole } from './decision.events.js';

export type TakeDecision = DomainCommand<
  'TakeDecision',
  {
    decisionId: string;
    projectId: string;
    description: string;
    decidedByOrganisationId: string | null;
    decidedByRole: DecidedByRole;
    affectsCarers: boolean;
    carersConsulted: boolean;
    activityId: string | null;
  }
>;

export type ContestDecision = DomainCommand<
  'ContestDecision',
  {
    decisionId: string;
    contestedByRole: DecisionContesterRole;
    contestedByCarerId: string | null;
    grounds: string;
  }
>;

export type ReviseDecision = DomainCommand<
  'ReviseDecision',
  { decisionId: string; description: string; carersConsulted: boolean; reason: string }
>;

export type DecisionCommand = TakeDecision | ContestDecision | ReviseDecision;
