import type { Decider } from '../shared/decider.js';
import { addTerritory } from './decide/add-territory.js';
import { adoptTerritorySignalFramework } from './decide/adopt-territory-signal-framework.js';
import { launchProgramme } from './decide/launch-programme.js';
import type { ProgrammeCommand } from './programme.commands.js';
import type { ProgrammeEvent } from './programme.events.js';
import type { ProgrammeState } from './programme.state.js';

export type { ProgrammeState, TerritorySignalFrameworkInForce } from './programme.state.js';

export const programmeStreamId = (programmeId: string) => `programme-${programmeId}`;

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'LaunchProgramme':
        return launchProgramme(command, state);
      case 'AddTerritory':
        return addTerritory(command, state);
      case 'AdoptTerritorySignalFramework':
        return adoptTerritorySignalFramework(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ProgrammeLaunched':
        return { status: 'launched', territories: new Map() };
      case 'TerritoryAdded':
        if (state.status !== 'launched') return state;
        return { ...state, territories: new Map(state.territories).set(event.data.territoryId, { framework: null }) };
      case 'TerritorySignalFrameworkAdopted': {
        if (state.status !== 'launched') return state;
        const { territoryId, frameworkId, version } = event.data;
        return {
          ...state,
          territories: new Map(state.territories).set(territoryId, { framework: { frameworkId, version } }),
        };
      }
    }
  },
};
