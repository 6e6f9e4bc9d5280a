import { requireOneOf, requireText } from '../../shared/guards.js';
import type { RecordReflexiveNote } from '../evidence.commands.js';
import { EVIDENCE_PHASES, type EvidenceEvent } from '../evidence.events.js';
import { notYetRecorded } from '../evidence.guards.js';
import type { EvidenceState } from '../evidence.state.js';
import { requirePseudonymousRef } from '../pseudonym.js';
import { optionalGender, optionalPilotMoment } from '../turnout.js';

export function recordReflexiveNote(command: RecordReflexiveNote, state: EvidenceState): EvidenceEvent[] {
  const data = command.data;
  notYetRecorded(state, data.evidenceId);
  return [
    {
      type: 'ReflexiveNoteRecorded',
      data: {
        evidenceId: data.evidenceId,
        projectId: data.projectId,
        authorMemberId: requirePseudonymousRef('authorMemberId', data.authorMemberId),
        phase: requireOneOf('phase', data.phase, EVIDENCE_PHASES),
        text: requireText('text', data.text, 10_000),
        pilotMoment: optionalPilotMoment('pilotMoment', data.pilotMoment),
        authorGender: optionalGender('authorGender', data.authorGender),
      },
    },
  ];
}
