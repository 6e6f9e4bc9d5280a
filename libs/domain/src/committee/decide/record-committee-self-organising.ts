import type { RecordCommitteeSelfOrganising } from '../committee.commands.js';
import type { CommitteeEvent } from '../committee.events.js';
import { optionalNote } from '../committee.guards.js';
import { committeeError } from '../committee.reasons.js';
import type { CommitteeState } from '../committee.state.js';

export function recordCommitteeSelfOrganising(
  command: RecordCommitteeSelfOrganising,
  state: CommitteeState,
): CommitteeEvent[] {
  if (state.selfOrganising) {
    throw committeeError('COMMITTEE_ALREADY_SELF_ORGANISING', 'The committee is already recorded as self-organising');
  }
  const { projectId, note } = command.data;
  return [{ type: 'CommitteeBecameSelfOrganising', data: { projectId, note: optionalNote(note) } }];
}
