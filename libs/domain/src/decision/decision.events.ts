import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';
import type { CarerInvolvement } from './carer-involvement.js';

/**
 * Who takes a decision; the same words as an activity cancellation's decision-maker, so both count alike.
 * `partnership` is a joint decision of the partner organisations.
 */
export const DECIDED_BY_ROLES = ['provider', 'researcher', 'committee', 'carers', 'partnership'] as const;
export type DecidedByRole = (typeof DECIDED_BY_ROLES)[number];

/** Who may contest: a carer (or carers as a group), or any partner. */
export const DECISION_CONTESTER_ROLES = [
  'carer',
  'provider',
  'researcher',
  'committee',
  'funder',
  'practitioner',
] as const;
export type DecisionContesterRole = (typeof DECISION_CONTESTER_ROLES)[number];

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type DecisionOutline = {
  decisionId: string;
  projectId: string;
  description: string;
  /** Null for the committee, the carers or the partnership as a whole. */
  decidedByOrganisationId: string | null;
  decidedByRole: DecidedByRole;
  /** With `carersConsulted`, the engagement signal's share of carer-affecting decisions taken with carers. */
  affectsCarers: boolean;
  carersConsulted: boolean;
  /** Absent: the least that `carersConsulted` implies (carer-involvement.ts). */
  carerInvolvement?: CarerInvolvement | null;
  /**
   * The activities the decision is about, in the order given (none: it is about no activity). One
   * decision may cover several, e.g. a whole series of sessions moved online at once.
   */
  activityIds: string[];
};

/** How many activities one decision may cover: a year of weekly sessions, with room to spare. */
export const MAX_DECISION_ACTIVITIES = 100;

/**
 * v2 added `carerInvolvement`: the rung of the participation ladder carers took part at (null when
 * the decision does not affect them, or for a v1 decision whose consulted carers' rung was never
 * recorded; see decision.upcasters.ts). v3 replaced `activityId: string | null` with `activityIds`
 * (a decision may cover several activities).
 */
export type DecisionTaken = DomainEvent<
  'DecisionTaken',
  Omit<DecisionOutline, 'carerInvolvement'> & { carerInvolvement: CarerInvolvement | null }
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

/** v2 added `carerInvolvement`, as on DecisionTaken. */
export type DecisionRevised = DomainEvent<
  'DecisionRevised',
  {
    decisionId: string;
    projectId: string;
    description: string;
    carersConsulted: boolean;
    carerInvolvement: CarerInvolvement | null;
    reason: string;
  }
>;

export type DecisionEvent = DecisionTaken | DecisionContested | DecisionRevised;

/** Every type of DecisionEvent, at runtime (the compiler keeps it complete). */
export const DECISION_EVENT_TYPES = eventTypesOf<DecisionEvent>({
  DecisionTaken: true,
  DecisionContested: true,
  DecisionRevised: true,
});
