import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

export type ProgrammeLaunched = DomainEvent<'ProgrammeLaunched', { programmeId: string; name: string }>;

/** Each territory governs itself and runs its own co-designed variant of the service. */
export type TerritoryAdded = DomainEvent<
  'TerritoryAdded',
  { programmeId: string; territoryId: string; name: string; localGovernance: string; serviceVariant: string }
>;

/** The framework (weights, thresholds) lives in its own stream; the territory only records which version it uses. */
export type TerritorySignalFrameworkAdopted = DomainEvent<
  'TerritorySignalFrameworkAdopted',
  { programmeId: string; territoryId: string; frameworkId: string; version: number }
>;

export type ProgrammeEvent = ProgrammeLaunched | TerritoryAdded | TerritorySignalFrameworkAdopted;

/** Every type of ProgrammeEvent, at runtime (the compiler keeps it complete). */
export const PROGRAMME_EVENT_TYPES = eventTypesOf<ProgrammeEvent>({
  ProgrammeLaunched: true,
  TerritoryAdded: true,
  TerritorySignalFrameworkAdopted: true,
});
