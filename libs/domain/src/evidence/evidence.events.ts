import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';
import type { InabilityKind, ObservationKind, ObservationLevel, ObservationStage, Taxonomy } from './taxonomy.js';

export const EVIDENCE_KINDS = ['interview', 'co_design_workshop', 'co_assessment_workshop', 'reflexive_note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_PHASES = ['co_design', 'pilot', 'co_assessment'] as const;
export type EvidencePhase = (typeof EVIDENCE_PHASES)[number];

export const INTERVIEWEE_ROLES = ['carer', 'provider', 'researcher', 'practitioner', 'funder'] as const;
export type IntervieweeRole = (typeof INTERVIEWEE_ROLES)[number];

export const INTERVIEW_MODES = ['face_to_face', 'telephone', 'video_call'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const WORKSHOP_KINDS = ['co_design_workshop', 'co_assessment_workshop'] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];

export const QUOTE_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type QuoteGender = (typeof QUOTE_GENDERS)[number];

export interface WorkshopParticipants {
  readonly carers: number;
  readonly providers: number;
  readonly researchers: number;
}

/** Attributed only as "Carer, female, 8": never a name. */
export interface Quote {
  readonly role: IntervieweeRole;
  readonly gender: QuoteGender;
  readonly number: number;
  readonly text: string;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.

export type InterviewRecord = {
  evidenceId: string;
  projectId: string;
  intervieweeRole: IntervieweeRole;
  intervieweeRef: string;
  durationMinutes: number;
  mode: InterviewMode;
  phase: EvidencePhase;
};

export type WorkshopRecord = {
  evidenceId: string;
  projectId: string;
  workshopKind: WorkshopKind;
  participants: WorkshopParticipants;
  audioRecorded: boolean;
};

export type ReflexiveNoteRecord = {
  evidenceId: string;
  projectId: string;
  authorMemberId: string;
  phase: EvidencePhase;
  text: string;
};

/** How one observation in a piece of evidence is coded. */
export type ObservationCoding = {
  observationId: string;
  kind: ObservationKind;
  taxonomy: Taxonomy;
  code: string;
  stage: ObservationStage;
  level: ObservationLevel;
  inabilityKind: InabilityKind | null;
  quote: Quote | null;
};

export type InterviewRecorded = DomainEvent<'InterviewRecorded', InterviewRecord>;

/** Audio is recorded only with everyone's consent, which the command had to assert. */
export type WorkshopRecorded = DomainEvent<'WorkshopRecorded', WorkshopRecord>;

export type ReflexiveNoteRecorded = DomainEvent<'ReflexiveNoteRecorded', ReflexiveNoteRecord>;

/** Carries the evidence's kind and phase so projections need not join back to the evidence. */
export type ObservationCoded = DomainEvent<
  'ObservationCoded',
  { evidenceId: string; projectId: string; evidenceKind: EvidenceKind; phase: EvidencePhase } & ObservationCoding
>;

export type EvidenceEvent = InterviewRecorded | WorkshopRecorded | ReflexiveNoteRecorded | ObservationCoded;

/** Every type of EvidenceEvent, at runtime (the compiler keeps it complete). */
export const EVIDENCE_EVENT_TYPES = eventTypesOf<EvidenceEvent>({
  InterviewRecorded: true,
  WorkshopRecorded: true,
  ReflexiveNoteRecorded: true,
  ObservationCoded: true,
});
