import type { DomainCommand } from '../shared/decider.js';
import type { DecisionContesterRole, DecisionOutline } from './decision.events.js';

export type TakeDecision = DomainCommand<'TakeDecision', DecisionOutline>;

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
