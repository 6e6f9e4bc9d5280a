import type { AggregateDefinition } from '../shared/aggregate.js';
import type { ProgrammeCommand } from './programme.commands.js';
import { programmeDecider, programmeStreamId, type ProgrammeState } from './programme.decider.js';
import type { ProgrammeEvent } from './programme.events.js';

export const programmeAggregate: AggregateDefinition<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  name: 'Programme',
  decider: programmeDecider,
  commandTypes: ['LaunchProgramme', 'AddTerritory', 'AdoptTerritorySignalFramework'],
  streamId: (command) => programmeStreamId(command.data.programmeId),
};
