import { ACTIVITY_EVENT_TYPES, type ActivityEvent } from './activity/index.js';
import { BARRIER_EVENT_TYPES, type BarrierEvent } from './barrier/index.js';
import { CARER_EVENT_TYPES, type CarerEvent } from './carer/index.js';
import { COMMITTEE_EVENT_TYPES, type CommitteeEvent } from './committee/index.js';
import { DECISION_EVENT_TYPES, type DecisionEvent } from './decision/index.js';
import { EVIDENCE_EVENT_TYPES, type EvidenceEvent } from './evidence/index.js';
import { INFORMATION_CHANNEL_EVENT_TYPES, type InformationChannelEvent } from './information-channel/index.js';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from './organisation/index.js';
import { PARTNERSHIP_EVENT_TYPES, type PartnershipEvent } from './partnership/index.js';
import { PROGRAMME_EVENT_TYPES, type ProgrammeEvent } from './programme/index.js';
import { PROJECT_EVENT_TYPES, type ProjectEvent } from './project/index.js';
import { SUGGESTION_EVENT_TYPES, type SuggestionEvent } from './suggestion/index.js';
import { CARER_REQUEST_EVENT_TYPES, type CarerRequestEvent } from './carer-request/index.js';
import { SURVEY_INSTRUMENT_EVENT_TYPES, type SurveyInstrumentEvent } from './survey-instrument/index.js';
import { INSTRUMENT_RESPONSE_EVENT_TYPES, type InstrumentResponseEvent } from './survey-instrument/index.js';

/**
 * Every event the platform records, as one union: projections declare their handlers against it,
 * so an event's `data` is typed in the handler and a misspelled or removed type does not compile.
 */
export type PlatformEvent =
  | ProgrammeEvent
  | ProjectEvent
  | OrganisationEvent
  | PartnershipEvent
  | CarerEvent
  | SurveyInstrumentEvent
  | InstrumentResponseEvent
  | ActivityEvent
  | CommitteeEvent
  | InformationChannelEvent
  | DecisionEvent
  | SuggestionEvent
  | CarerRequestEvent
  | EvidenceEvent
  | BarrierEvent;

export type PlatformEventType = PlatformEvent['type'];

/** The event of one type, e.g. `EventOfType<'ActivityCancelled'>`. */
export type EventOfType<T extends PlatformEventType> = Extract<PlatformEvent, { type: T }>;

/** The types of the events whose data names the project they belong to. */
export type ProjectEventType = Extract<PlatformEvent, { data: { projectId: string } }>['type'];

export const PLATFORM_EVENT_TYPES: readonly PlatformEventType[] = [
  ...PROGRAMME_EVENT_TYPES,
  ...PROJECT_EVENT_TYPES,
  ...ORGANISATION_EVENT_TYPES,
  ...PARTNERSHIP_EVENT_TYPES,
  ...CARER_EVENT_TYPES,
  ...SURVEY_INSTRUMENT_EVENT_TYPES,
  ...INSTRUMENT_RESPONSE_EVENT_TYPES,
  ...ACTIVITY_EVENT_TYPES,
  ...COMMITTEE_EVENT_TYPES,
  ...INFORMATION_CHANNEL_EVENT_TYPES,
  ...DECISION_EVENT_TYPES,
  ...SUGGESTION_EVENT_TYPES,
  ...CARER_REQUEST_EVENT_TYPES,
  ...EVIDENCE_EVENT_TYPES,
  ...BARRIER_EVENT_TYPES,
];
