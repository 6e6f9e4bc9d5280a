import type { DomainCommand } from '../shared/decider.js';
import type {
  CollectionRoundRecord,
  InterviewFacts,
  InterviewInventoryFacts,
  ObservationCoding,
  ReflexiveNoteFacts,
  ReflexiveNoteInventoryFacts,
  WorkshopFacts,
  WorkshopInventoryFacts,
} from './evidence.events.js';

// The inventory facts (schema version 2 of the events) are optional in a command: left out, they
// are recorded as not recorded (null), so callers written before them keep working.

export type RecordInterview = DomainCommand<'RecordInterview', InterviewFacts & Partial<InterviewInventoryFacts>>;

export type RecordWorkshop = DomainCommand<
  'RecordWorkshop',
  WorkshopFacts &
    Partial<WorkshopInventoryFacts> & {
      /** Asserted by whoever records the workshop; never stored, only checked. */
      audioConsentOfAll: boolean;
    }
>;

export type RecordReflexiveNote = DomainCommand<
  'RecordReflexiveNote',
  ReflexiveNoteFacts & Partial<ReflexiveNoteInventoryFacts>
>;

export type CodeObservation = DomainCommand<'CodeObservation', { evidenceId: string } & ObservationCoding>;

export type RecordCollectionRound = DomainCommand<'RecordCollectionRound', CollectionRoundRecord>;

export type EvidenceCommand =
  RecordInterview | RecordWorkshop | RecordReflexiveNote | CodeObservation | RecordCollectionRound;
