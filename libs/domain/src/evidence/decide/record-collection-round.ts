import { requireOneOf } from '../../shared/guards.js';
import type { RecordCollectionRound } from '../evidence.commands.js';
import { COLLECTION_ROUND_METHODS, PILOT_MOMENTS, type EvidenceEvent } from '../evidence.events.js';
import { evidenceError } from '../evidence.reasons.js';
import type { EvidenceState } from '../evidence.state.js';
import { validInvitations } from '../turnout.js';

/**
 * A round is recorded once: a second round of the same method at the same moment is a round of
 * its own (its own id), and the inventory adds their invitations up.
 */
export function recordCollectionRound(command: RecordCollectionRound, state: EvidenceState): EvidenceEvent[] {
  const data = command.data;
  if (state.status !== 'unknown') {
    throw evidenceError('COLLECTION_ROUND_ALREADY_RECORDED', `Collection round ${data.roundId} was already recorded`, {
      roundId: data.roundId,
    });
  }
  return [
    {
      type: 'CollectionRoundRecorded',
      data: {
        roundId: data.roundId,
        projectId: data.projectId,
        method: requireOneOf('method', data.method, COLLECTION_ROUND_METHODS),
        pilotMoment: requireOneOf('pilotMoment', data.pilotMoment, PILOT_MOMENTS),
        invited: validInvitations(data.invited),
      },
    },
  ];
}
