import { requireInteger, requireOneOf, requireText } from '../../shared/guards.js';
import { requireCoding } from '../coding.js';
import type { CodeObservation } from '../evidence.commands.js';
import { INTERVIEWEE_ROLES, QUOTE_GENDERS, type EvidenceEvent, type Quote } from '../evidence.events.js';
import { evidenceError } from '../evidence.reasons.js';
import type { EvidenceState } from '../evidence.state.js';

function validQuote(quote: Quote | null): Quote | null {
  if (quote === null) return null;
  return {
    role: requireOneOf('quote.role', quote.role, INTERVIEWEE_ROLES),
    gender: requireOneOf('quote.gender', quote.gender, QUOTE_GENDERS),
    number: requireInteger('quote.number', quote.number, 1, 1_000_000),
    text: requireText('quote.text', quote.text, 2000),
  };
}

export function codeObservation(command: CodeObservation, state: EvidenceState): EvidenceEvent[] {
  const data = command.data;
  // A round's stream holds no evidence to code (its ids live in another stream namespace anyway).
  if (state.status !== 'recorded') {
    throw evidenceError('EVIDENCE_NOT_FOUND', `Evidence ${data.evidenceId} does not exist`, {
      evidenceId: data.evidenceId,
    });
  }
  const observationId = requireText('observationId', data.observationId, 100);
  if (state.observationIds.includes(observationId)) {
    throw evidenceError('OBSERVATION_ALREADY_CODED', `Observation ${observationId} was already coded`, {
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
