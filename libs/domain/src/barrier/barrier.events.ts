import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';
import type { InabilityKind, ObservationLevel, ObservationStage, Taxonomy } from '../evidence/taxonomy.js';

/** A coded observation is identified within its piece of evidence. */
export interface ObservationRef {
  readonly evidenceId: string;
  readonly observationId: string;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, which adds what the state knows (the project, the date).

/** A barrier as observed, with the coded observations it rests on. */
export type BarrierObservation = {
  barrierId: string;
  projectId: string;
  taxonomy: Taxonomy;
  code: string;
  stage: ObservationStage;
  level: ObservationLevel;
  inabilityKind: InabilityKind | null;
  description: string;
  basedOn: ObservationRef[];
};

/** What a partner organisation did to lift a barrier. */
export type BarrierAdjustment = {
  barrierId: string;
  actionId: string;
  description: string;
  takenByOrganisationId: string;
};

/**
 * Dates (`observedAt`, `takenAt`, ...) repeat the command's occurredAt in the data because the
 * state needs them to keep a barrier's history in order and projections use them for time to adjustment.
 */
export type BarrierObserved = DomainEvent<'BarrierObserved', BarrierObservation & { observedAt: string }>;

export type AdjustmentActionTaken = DomainEvent<
  'AdjustmentActionTaken',
  BarrierAdjustment & { projectId: string; takenAt: string }
>;

export type BarrierResolved = DomainEvent<
  'BarrierResolved',
  { barrierId: string; projectId: string; resolution: string; resolvedAt: string }
>;

export type BarrierReopened = DomainEvent<
  'BarrierReopened',
  { barrierId: string; projectId: string; reason: string; reopenedAt: string }
>;

export type BarrierEvent = BarrierObserved | AdjustmentActionTaken | BarrierResolved | BarrierReopened;

/** Every type of BarrierEvent, at runtime (the compiler keeps it complete). */
export const BARRIER_EVENT_TYPES = eventTypesOf<BarrierEvent>({
  BarrierObserved: true,
  AdjustmentActionTaken: true,
  BarrierResolved: true,
  BarrierReopened: true,
});
