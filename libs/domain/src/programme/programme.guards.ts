import { programmeError } from './programme.reasons.js';
import type { ProgrammeState } from './programme.state.js';

export function launched(state: ProgrammeState, programmeId: string) {
  if (state.status === 'unknown') {
    throw programmeError('PROGRAMME_NOT_FOUND', `Programme ${programmeId} does not exist`);
  }
  return state;
}
