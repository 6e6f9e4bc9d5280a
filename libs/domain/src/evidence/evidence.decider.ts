import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireInteger, requireNotInFuture, requireOneOf, requireText } from '../shared/guards.js';
import { requireCoding } from './coding.js';
import type { EvidenceCommand } from './evidence.commands.js';
import {
  EVIDENCE_PHASES,
  INTERVIEW_MODES,
  INTERVIEWEE_ROLES,
  QUOTE_GENDERS,
  WORKSHOP_KINDS,
  type EvidenceEvent,
  type EvidenceKind,
  type EvidencePhase,
  type Quote,
  type WorkshopParticipants,
} from './evidence.events.js';
import { requirePseudonymousRef } from './pseudonym.js';

export type EvidenceState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'recorded';
      readonly projectId: string;
      readonly kind: EvidenceKind;
      readonly phase: EvidencePhase;
      readonly observationIds: readonly string[];
    };

export const evidenceStreamId = (evidenceId: string) => `evidence-${evidenceId}`;

const WORKSHOP_PHASE = { co_design_workshop: 'co_design', co_assessment_workshop: 'co_assessment' } as const;

function notYetRecorded(state: EvidenceState, evidenceId: string) {
  if (state.status !== 'unknown') {
    throw conflict('EVIDENCE_ALREADY_RECORDED', `Evidence ${evidenceId} was already recorded`, { evidenceId });
  }
}

function validParticipants(participants: WorkshopParticipants): WorkshopParticipants {
  const counts = {
    carers: requireInteger('participants.carers', participants.carers, 0, 1000),
    providers: requireInteger('participants.providers', participants.providers, 0, 1000),
    researchers: requireInteger('participants.researchers', participants.researchers, 0, 1000),
  };
  if (counts.carers + counts.providers + counts.researchers === 0) {
    throw invalid('NO_PARTICIPANTS', 'A workshop needs at least one participant', { field: 'participants' });
  }
  return counts;
}

function validQuote(quote: Quote | null): Quote | null {
  if (quote === null) return null;
  return {
    role: requireOneOf('quote.role', quote.role, INTERVIEWEE_ROLES),
    gender: requireOneOf('quote.gender', quote.gender, QUOTE_GENDERS),
    number: requireInteger('quote.number', quote.number, 1, 1_000_000),
    text: requireText('quote.text', quote.text, 2000),
  };
}

export const evidenceDecider: Decider<EvidenceCommand, EvidenceEvent, EvidenceState> = {
  initialState: { status: 'unknown' },

  decide(command, state, context) {
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'RecordInterview': {
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
            },
          },
        ];
      }
      case 'RecordWorkshop': {
        const data = command.data;
        notYetRecorded(state, data.evidenceId);
        requireOneOf('workshopKind', data.workshopKind, WORKSHOP_KINDS);
        const participants = validParticipants(data.participants);
        if (data.audioRecorded && !data.audioConsentOfAll) {
          throw invalid('AUDIO_WITHOUT_CONSENT', 'A workshop is audio-recorded only with the consent of all', {
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
            },
          },
        ];
      }
      case 'RecordReflexiveNote': {
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
            },
          },
        ];
      }
      case 'CodeObservation': {
        const data = command.data;
        if (state.status === 'unknown') {
          throw notFound('EVIDENCE_NOT_FOUND', `Evidence ${data.evidenceId} does not exist`, {
            evidenceId: data.evidenceId,
          });
        }
        const observationId = requireText('observationId', data.observationId, 100);
        if (state.observationIds.includes(observationId)) {
          throw conflict('OBSERVATION_ALREADY_CODED', `Observation ${observationId} was already coded`, {
            observationId,
          });
        }
        const coding = requireCoding(data);
        return [
          {
            type: 'ObservationCoded',
            data: {
              evidenceId: data.evidenceId,
              projectId: state.projectId,
              evidenceKind: state.kind,
              phase: state.phase,
              observationId,
              ...coding,
              quote: validQuote(data.quote),
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InterviewRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: 'interview',
          phase: event.data.phase,
          observationIds: [],
        };
      case 'ReflexiveNoteRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: 'reflexive_note',
          phase: event.data.phase,
          observationIds: [],
        };
      case 'WorkshopRecorded':
        return {
          status: 'recorded',
          projectId: event.data.projectId,
          kind: event.data.workshopKind,
          phase: WORKSHOP_PHASE[event.data.workshopKind],
          observationIds: [],
        };
      case 'ObservationCoded':
        return state.status === 'recorded'
          ? { ...state, observationIds: [...state.observationIds, event.data.observationId] }
          : state;
    }
  },
};
