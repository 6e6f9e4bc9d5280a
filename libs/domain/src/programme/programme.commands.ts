import type { DomainCommand } from '../shared/decider.js';
import type { ProgrammeFounding, TerritoryDescription, TerritoryFrameworkChoice } from './programme.events.js';

export type LaunchProgramme = DomainCommand<'LaunchProgramme', ProgrammeFounding>;

export type AddTerritory = DomainCommand<'AddTerritory', TerritoryDescription>;

export type AdoptTerritorySignalFramework = DomainCommand<'AdoptTerritorySignalFramework', TerritoryFrameworkChoice>;

export type ProgrammeCommand = LaunchProgramme | AddTerritory | AdoptTerritorySignalFramework;
