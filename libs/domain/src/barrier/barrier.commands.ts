import type { DomainCommand } from '../shared/decider.js';
import type { InabilityKind, ObservationLevel, ObservationStage, Taxonomy } from '../evidence/taxonomy.js';
import type { ObservationRef } from './barrier.events.js';

/** Each command's date is its occurredAt. */
export type ObserveBarrier = DomainCommand<
  'ObserveBarrier',
  {
    barrierId: string;
    projectId: string;
    taxonomy: Taxonomy;
    code: string;
    stage: ObservationStage;
    level: ObservationLevel;
    inabilityKind: InabilityKind | null;
    description: string;
    basedOn: ObservationRef[];
  }
>;

export type TakeAdjustmentAction = DomainCommand<
  'TakeAdjustmentAction',
  { barrierId: string; actionId: string; description: string; takenByOrganisationId: string }
>;

export type ResolveBarrier = DomainCommand<'ResolveBarrier', { barrierId: string; resolution: string }>;

export type ReopenBarrier = DomainCommand<'ReopenBarrier', { barrierId: string; reason: string }>;

export type BarrierCommand = ObserveBarrier | TakeAdjustmentAction | ResolveBarrier | ReopenBarrier;
