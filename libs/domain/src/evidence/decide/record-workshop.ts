import { requireInteger, requireOneOf } from '../../shared/guards.js';
import type { RecordWorkshop } from '../evidence.commands.js';
import { WORKSHOP_KINDS, type EvidenceEvent, type WorkshopParticipants } from '../evidence.events.js';
import { notYetRecorded } from '../evidence.guards.js';
import { evidenceError } from '../evidence.reasons.js';
import type { EvidenceState } from '../evidence.state.js';
import { optionalDuration, optionalPilotMoment, validTurnout } from '../turnout.js';

/** A workshop may last a day; longer is a typing error. */
const MAX_WORKSHOP_MINUTES = 24 * 60;

function validParticipants(participants: WorkshopParticipants): WorkshopParticipants {
  const counts = {
    carers: requireInteger('participants.carers', participants.carers, 0, 1000),
    providers: requireInteger('participants.providers', participants.providers, 0, 1000),
    researchers: requireInteger('participants.researchers', participants.researchers, 0, 1000),
  };
  if (counts.carers + counts.providers + counts.researchers === 0) {
    throw evidenceError('NO_PARTICIPANTS', 'A workshop needs at least one participant', { field: 'participants' });
  }
  return counts;
}

export function recordWorkshop(command: RecordWorkshop, state: EvidenceState): EvidenceEvent[] {
  const data = command.data;
  notYetRecorded(state, data.evidenceId);
  requireOneOf('workshopKind', data.workshopKind, WORKSHOP_KINDS);
  const participants = validParticipants(data.participants);
  const durationMinutes = optionalDuration('durationMinutes', data.durationMinutes, MAX_WORKSHOP_MINUTES);
  const pilotMoment = optionalPilotMoment('pilotMoment', data.pilotMoment);
  const turnout = validTurnout(data.turnout, participants);
  if (data.audioRecorded && !data.audioConsentOfAll) {
    throw evidenceError('AUDIO_WITHOUT_CONSENT', 'A workshop is audio-recorded only with the consent of all', {
      field: 'audioConsentOfAll',
    });
  }
  return [
    {
      type: 'WorkshopRecorded',
      data: {
        evidenceId: data.evidenceId,
        projectId: data.projectId,
        workshopKind: data.workshopKind,
        participants,
        audioRecorded: data.audioRecorded,
        durationMinutes,
        pilotMoment,
        turnout,
      },
    },
  ];
}
