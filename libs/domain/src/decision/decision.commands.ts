import type { DomainCommand } from '../shared/decider.js';
import type { CarerInvolvement } from './carer-involvement.js';
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
  {
    decisionId: string;
    description: string;
    carersConsulted: boolean;
    /** Absent: the level before, if it still agrees with `carersConsulted`, else the least it implies. */
    carerInvolvement?: CarerInvolvement | null;
    reason: string;
  }
>;

export type DecisionCommand = TakeDecision | ContestDecision | ReviseDecision;
