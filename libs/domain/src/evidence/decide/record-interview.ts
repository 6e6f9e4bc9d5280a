import { requireInteger, requireOneOf } from '../../shared/guards.js';
import type { RecordInterview } from '../evidence.commands.js';
import { EVIDENCE_PHASES, INTERVIEW_MODES, INTERVIEWEE_ROLES, type EvidenceEvent } from '../evidence.events.js';
import { notYetRecorded } from '../evidence.guards.js';
import type { EvidenceState } from '../evidence.state.js';
import { requirePseudonymousRef } from '../pseudonym.js';
import { optionalGender, optionalPilotMoment } from '../turnout.js';

export function recordInterview(command: RecordInterview, state: EvidenceState): EvidenceEvent[] {
  const data = command.data;
  notYetRecorded(state, data.evidenceId);
  return [
    {
      type: 'InterviewRecorded',
      data: {
        evidenceId: data.evidenceId,
        projectId: data.projectId,
        intervieweeRole: requireOneOf('intervieweeRole', data.intervieweeRole, INTERVIEWEE_ROLES),
        intervieweeRef: requirePseudonymousRef('intervieweeRef', data.intervieweeRef),
        durationMinutes: requireInteger('durationMinutes', data.durationMinutes, 1, 600),
        mode: requireOneOf('mode', data.mode, INTERVIEW_MODES),
        phase: requireOneOf('phase', data.phase, EVIDENCE_PHASES),
        pilotMoment: optionalPilotMoment('pilotMoment', data.pilotMoment),
        intervieweeGender: optionalGender('intervieweeGender', data.intervieweeGender),
      },
    },
  ];
}
