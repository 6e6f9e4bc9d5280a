import type { Decider } from '../shared/decider.js';
import { conflict, notFound } from '../shared/errors.js';
import { requireInteger, requireText } from '../shared/guards.js';
import type { ProgrammeCommand } from './programme.commands.js';
import type { ProgrammeEvent } from './programme.events.js';

export interface TerritorySignalFrameworkInForce {
  readonly frameworkId: string;
  readonly version: number;
}

export type ProgrammeState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'launched';
      /** A Map, not a Record: caller-chosen ids must never collide with Object.prototype keys. */
      readonly territories: ReadonlyMap<string, { readonly framework: TerritorySignalFrameworkInForce | null }>;
    };

export const programmeStreamId = (programmeId: string) => `programme-${programmeId}`;

function launched(state: ProgrammeState, programmeId: string) {
  if (state.status === 'unknown') throw notFound('PROGRAMME_NOT_FOUND', `Programme ${programmeId} does not exist`);
  return state;
}

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    switch (command.type) {
      case 'LaunchProgramme': {
        const { programmeId, name } = command.data;
        if (state.status !== 'unknown') {
          throw conflict('PROGRAMME_ALREADY_LAUNCHED', `Programme ${programmeId} was already launched`);
        }
        return [
          {
            type: 'ProgrammeLaunched',
            data: { programmeId, name: requireText('name', name, 200) },
          },
        ];
      }
      case 'AddTerritory': {
        const data = command.data;
        const current = launched(state, data.programmeId);
        const territoryId = requireText('territoryId', data.territoryId, 100);
        if (current.territories.has(territoryId)) {
          throw conflict('TERRITORY_ALREADY_ADDED', `Territory ${territoryId} is already part of the programme`);
        }
        return [
          {
            type: 'TerritoryAdded',
            data: {
              programmeId: data.programmeId,
              territoryId,
              name: requireText('name', data.name, 200),
              localGovernance: requireText('localGovernance', data.localGovernance, 4000),
              serviceVariant: requireText('serviceVariant', data.serviceVariant, 4000),
            },
          },
        ];
      }
      case 'AdoptTerritorySignalFramework': {
        const data = command.data;
        const territory = launched(state, data.programmeId).territories.get(data.territoryId);
        if (!territory) {
          throw notFound('TERRITORY_NOT_FOUND', `Territory ${data.territoryId} is not part of the programme`);
        }
        const frameworkId = requireText('frameworkId', data.frameworkId, 100);
        const version = requireInteger('version', data.version, 1, 1_000_000);
        // Going back to an older version is a legitimate choice; adopting the one in force is not a change.
        if (territory.framework?.frameworkId === frameworkId && territory.framework.version === version) {
          throw conflict(
            'FRAMEWORK_VERSION_ALREADY_ADOPTED',
            `Territory ${data.territoryId} already uses ${frameworkId} version ${version}`,
          );
        }
        return [
          {
            type: 'TerritorySignalFrameworkAdopted',
            data: { programmeId: data.programmeId, territoryId: data.territoryId, frameworkId, version },
          },
        ];
      }
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
