import { requireText } from '../../shared/guards.js';
import type { AddTerritory } from '../programme.commands.js';
import type { ProgrammeEvent } from '../programme.events.js';
import { launched } from '../programme.guards.js';
import { programmeError } from '../programme.reasons.js';
import type { ProgrammeState } from '../programme.state.js';

export function addTerritory(command: AddTerritory, state: ProgrammeState): ProgrammeEvent[] {
  const data = command.data;
  const current = launched(state, data.programmeId);
  const territoryId = requireText('territoryId', data.territoryId, 100);
  if (current.territories.has(territoryId)) {
    throw programmeError('TERRITORY_ALREADY_ADDED', `Territory ${territoryId} is already part of the programme`);
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
