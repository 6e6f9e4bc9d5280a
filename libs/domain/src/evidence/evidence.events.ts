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

/**
 * When in the pilot a piece of evidence was gathered, as a study reports it ("co-assessment
 * workshops in the middle and at the end of the pilot"): before it ran (co-design), at its start,
 * in its middle, at its end, or after it. Coarser than the date and chosen by the research team,
 * since what counts as "the middle" of an extended pilot is theirs to say.
 */
export const PILOT_MOMENTS = ['before', 'start', 'middle', 'end', 'after'] as const;
export type PilotMoment = (typeof PILOT_MOMENTS)[number];

/** The roles people take part in evidence gathering as (interviewees, workshop participants, quoted people). */
export const PARTICIPANT_ROLES = INTERVIEWEE_ROLES;
export type ParticipantRole = IntervieweeRole;

/**
 * How many of a group disclosed each gender; whoever is not counted here did not disclose it or it
 * was not recorded, so the three may sum to less than the group.
 */
export interface GenderCounts {
  readonly female: number;
  readonly male: number;
  readonly other: number;
}

/**
 * One role's turnout at a workshop, as counts, never identities: how many were invited (null when
 * not recorded), how many took part, and the genders of those who took part.
 * E.g. `{ role: 'researcher', invited: 8, tookPart: 2, female: 1, male: 1, other: 0 }`.
 */
export interface RoleTurnout extends GenderCounts {
  readonly role: ParticipantRole;
  readonly invited: number | null;
  readonly tookPart: number;
}

/** How many people of one role were invited to take part in a data-collection round. */
export interface RoleInvitations {
  readonly role: ParticipantRole;
  readonly invited: number;
}

/**
 * The methods whose invitations are recorded as a round: interviews and reflexive notes are one
 * person each, so who was invited belongs to the round, not to any one of them. A workshop records
 * its own invitations in its turnout.
 */
export const COLLECTION_ROUND_METHODS = ['interview', 'reflexive_note'] as const;
export type CollectionRoundMethod = (typeof COLLECTION_ROUND_METHODS)[number];

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

// Schema version 2 of the three added what a study's data inventory needs (docs/inventory.md); an
// event stored at version 1 reads them as not recorded (null), never as zero (evidence.upcasters.ts).
// A command may leave them out, which records them as not recorded too.

export type InterviewFacts = {
  evidenceId: string;
  projectId: string;
  intervieweeRole: IntervieweeRole;
  intervieweeRef: string;
  durationMinutes: number;
  mode: InterviewMode;
  phase: EvidencePhase;
};

/** Version 2 of InterviewRecorded. */
export type InterviewInventoryFacts = {
  pilotMoment: PilotMoment | null;
  /**
   * Disclosed by the interviewee, as on a quote; null when not recorded. A registered carer's
   * gender is already known from their registration, which the inventory prefers.
   */
  intervieweeGender: QuoteGender | null;
};

export type InterviewRecord = InterviewFacts & InterviewInventoryFacts;

export type WorkshopFacts = {
  evidenceId: string;
  projectId: string;
  workshopKind: WorkshopKind;
  participants: WorkshopParticipants;
  audioRecorded: boolean;
};

/** Version 2 of WorkshopRecorded. */
export type WorkshopInventoryFacts = {
  durationMinutes: number | null;
  pilotMoment: PilotMoment | null;
  /**
   * Per role, invited and took part with their genders; the carers', providers' and researchers'
   * `tookPart` are the `participants` (others, e.g. practitioners, may come on top). Null when not recorded.
   */
  turnout: readonly RoleTurnout[] | null;
};

export type WorkshopRecord = WorkshopFacts & WorkshopInventoryFacts;

export type ReflexiveNoteFacts = {
  evidenceId: string;
  projectId: string;
  authorMemberId: string;
  phase: EvidencePhase;
  text: string;
};

/** Version 2 of ReflexiveNoteRecorded. */
export type ReflexiveNoteInventoryFacts = {
  pilotMoment: PilotMoment | null;
  /** The author's disclosed gender; null when not recorded. */
  authorGender: QuoteGender | null;
};

export type ReflexiveNoteRecord = ReflexiveNoteFacts & ReflexiveNoteInventoryFacts;

/** One method's data-collection round at one moment of the pilot: how many of each role were invited. */
export type CollectionRoundRecord = {
  roundId: string;
  projectId: string;
  method: CollectionRoundMethod;
  pilotMoment: PilotMoment;
  invited: readonly RoleInvitations[];
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

/** Counts, never identities: who was invited is known by role only. */
export type CollectionRoundRecorded = DomainEvent<'CollectionRoundRecorded', CollectionRoundRecord>;

/** Carries the evidence's kind and phase so projections need not join back to the evidence. */
export type ObservationCoded = DomainEvent<
  'ObservationCoded',
  { evidenceId: string; projectId: string; evidenceKind: EvidenceKind; phase: EvidencePhase } & ObservationCoding
>;

export type EvidenceEvent =
  InterviewRecorded | WorkshopRecorded | ReflexiveNoteRecorded | ObservationCoded | CollectionRoundRecorded;

/** Every type of EvidenceEvent, at runtime (the compiler keeps it complete). */
export const EVIDENCE_EVENT_TYPES = eventTypesOf<EvidenceEvent>({
  InterviewRecorded: true,
  WorkshopRecorded: true,
  ReflexiveNoteRecorded: true,
  ObservationCoded: true,
  CollectionRoundRecorded: true,
});
