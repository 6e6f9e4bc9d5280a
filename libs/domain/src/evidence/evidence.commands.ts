import type { DomainCommand } from '../shared/decider.js';
import type {
  EvidencePhase,
  IntervieweeRole,
  InterviewMode,
  Quote,
  WorkshopKind,
  WorkshopParticipants,
} from './evidence.events.js';
import type { InabilityKind, ObservationKind, ObservationLevel, ObservationStage, Taxonomy } from './taxonomy.js';

export type RecordInterview = DomainCommand<
  'RecordInterview',
  {
    evidenceId: string;
    projectId: string;
    intervieweeRole: IntervieweeRole;
    intervieweeRef: string;
    durationMinutes: number;
    mode: InterviewMode;
    phase: EvidencePhase;
  }
>;

export type RecordWorkshop = DomainCommand<
  'RecordWorkshop',
  {
    evidenceId: string;
    projectId: string;
    workshopKind: WorkshopKind;
    participants: WorkshopParticipants;
    audioRecorded: boolean;
    /** Asserted by whoever records the workshop; never stored, only checked. */
    audioConsentOfAll: boolean;
  }
>;

export type RecordReflexiveNote = DomainCommand<
  'RecordReflexiveNote',
  { evidenceId: string; projectId: string; authorMemberId: string; phase: EvidencePhase; text: string }
>;

export type CodeObservation = DomainCommand<
  'CodeObservation',
  {
    evidenceId: string;
    observationId: string;
    kind: ObservationKind;
    taxonomy: Taxonomy;
    code: string;
    stage: ObservationStage;
    level: ObservationLevel;
    inabilityKind: InabilityKind | null;
    quote: Quote | null;
  }
>;

export type EvidenceCommand = RecordInterview | RecordWorkshop | RecordReflexiveNote | CodeObservation;
