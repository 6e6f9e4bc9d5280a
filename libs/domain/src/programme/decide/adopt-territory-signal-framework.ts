import { requireInteger, requireText } from '../../shared/guards.js';
import type { AdoptTerritorySignalFramework } from '../programme.commands.js';
import type { ProgrammeEvent } from '../programme.events.js';
import { launched } from '../programme.guards.js';
import { programmeError } from '../programme.reasons.js';
import type { ProgrammeState } from '../programme.state.js';

export function adoptTerritorySignalFramework(
  command: AdoptTerritorySignalFramework,
  state: ProgrammeState,
): ProgrammeEvent[] {
  const data = command.data;
  const territory = launched(state, data.programmeId).territories.get(data.territoryId);
  if (!territory) {
    throw programmeError('TERRITORY_NOT_FOUND', `Territory ${data.territoryId} is not part of the programme`);
  }
  const frameworkId = requireText('frameworkId', data.frameworkId, 100);
  const version = requireInteger('version', data.version, 1, 1_000_000);
  // Going back to an older version is a legitimate choice; adopting the one in force is not a change.
  if (territory.framework?.frameworkId === frameworkId && territory.framework.version === version) {
    throw programmeError(
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
