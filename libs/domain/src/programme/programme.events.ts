import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type ProgrammeFounding = { programmeId: string; name: string };
/** Each territory governs itself and runs its own co-designed variant of the service. */
export type TerritoryDescription = {
  programmeId: string;
  territoryId: string;
  name: string;
  localGovernance: string;
  serviceVariant: string;
};
/** The framework (weights, thresholds) lives in its own stream; the territory only records which version it uses. */
export type TerritoryFrameworkChoice = {
  programmeId: string;
  territoryId: string;
  frameworkId: string;
  version: number;
};

export type ProgrammeLaunched = DomainEvent<'ProgrammeLaunched', ProgrammeFounding>;

export type TerritoryAdded = DomainEvent<'TerritoryAdded', TerritoryDescription>;

export type TerritorySignalFrameworkAdopted = DomainEvent<'TerritorySignalFrameworkAdopted', TerritoryFrameworkChoice>;

export type ProgrammeEvent = ProgrammeLaunched | TerritoryAdded | TerritorySignalFrameworkAdopted;

/** Every type of ProgrammeEvent, at runtime (the compiler keeps it complete). */
export const PROGRAMME_EVENT_TYPES = eventTypesOf<ProgrammeEvent>({
  ProgrammeLaunched: true,
  TerritoryAdded: true,
  TerritorySignalFrameworkAdopted: true,
});
