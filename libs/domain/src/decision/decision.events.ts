import type { DomainEvent } from '../shared/decider.js';

/** Who takes decisions for the project: partners, or the citizens' committee as a body. */
export const DECISION_MAKER_ROLES = ['provider', 'researcher', 'committee', 'funder', 'practitioner'] as const;
export type DecisionMakerRole = (typeof DECISION_MAKER_ROLES)[number];

/** Who may contest: the carers, or any partner. */
export const DECISION_CONTESTER_ROLES = ['carer', ...DECISION_MAKER_ROLES] as const;
export type DecisionContesterRole = (typeof DECISION_CONTESTER_ROLES)[number];

export type DecisionTaken = DomainEvent<
  'DecisionTaken',
  {
    decisionId: string;
    projectId: string;
    description: string;
    decidedByOrganisationId: string;
    decidedByRole: DecisionMakerRole;
    /** With `carersConsulted`, the engagement signal's share of carer-affecting decisions taken with carers. */
    affectsCarers: boolean;
    carersConsulted: boolean;
    activityId: string | null;
  }
>;

/** `contestedByCarerId` is null when carers contest as a group (e.g. in a co-assessment workshop) or a partner does. */
export type DecisionContested = DomainEvent<
  'DecisionContested',
  {
    decisionId: string;
    projectId: string;
    contestedByRole: DecisionContesterRole;
    contestedByCarerId: string | null;
    grounds: string;
  }
>;

export type DecisionRevised = DomainEvent<
  'DecisionRevised',
  { decisionId: string; projectId: string; description: string; carersConsulted: boolean; reason: string }
>;

export type DecisionEvent = DecisionTaken | DecisionContested | DecisionRevised;
