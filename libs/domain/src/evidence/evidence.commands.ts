import type { DomainCommand } from '../shared/decider.js';
import type { InterviewRecord, ObservationCoding, ReflexiveNoteRecord, WorkshopRecord } from './evidence.events.js';

export type RecordInterview = DomainCommand<'RecordInterview', InterviewRecord>;

export type RecordWorkshop = DomainCommand<
  'RecordWorkshop',
  WorkshopRecord & {
    /** Asserted by whoever records the workshop; never stored, only checked. */
    audioConsentOfAll: boolean;
  }
>;

export type RecordReflexiveNote = DomainCommand<'RecordReflexiveNote', ReflexiveNoteRecord>;

export type CodeObservation = DomainCommand<'CodeObservation', { evidenceId: string } & ObservationCoding>;

export type EvidenceCommand = RecordInterview | RecordWorkshop | RecordReflexiveNote | CodeObservation;
