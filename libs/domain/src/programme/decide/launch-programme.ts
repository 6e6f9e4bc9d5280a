import { requireText } from '../../shared/guards.js';
import type { LaunchProgramme } from '../programme.commands.js';
import type { ProgrammeEvent } from '../programme.events.js';
import { programmeError } from '../programme.reasons.js';
import type { ProgrammeState } from '../programme.state.js';

export function launchProgramme(command: LaunchProgramme, state: ProgrammeState): ProgrammeEvent[] {
  const { programmeId, name } = command.data;
  if (state.status !== 'unknown') {
    throw programmeError('PROGRAMME_ALREADY_LAUNCHED', `Programme ${programmeId} was already launched`);
  }
  return [
    {
      type: 'ProgrammeLaunched',
      data: { programmeId, name: requireText('name', name, 200) },
    },
  ];
}
