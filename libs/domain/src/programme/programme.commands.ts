import type { DomainCommand } from '../shared/decider.js';

export type LaunchProgramme = DomainCommand<'LaunchProgramme', { programmeId: string; name: string }>;

export type AddTerritory = DomainCommand<
  'AddTerritory',
  { programmeId: string; territoryId: string; name: string; localGovernance: string; serviceVariant: string }
>;

export type AdoptTerritorySignalFramework = DomainCommand<
  'AdoptTerritorySignalFramework',
  { programmeId: string; territoryId: string; frameworkId: string; version: number }
>;

export type ProgrammeCommand = LaunchProgramme | AddTerritory | AdoptTerritorySignalFramework;
