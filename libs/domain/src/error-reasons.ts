import { activityAggregate } from './activity/activity.aggregate.js';
import { ACTIVITY_ERROR_REASONS } from './activity/activity.reasons.js';
import { barrierAggregate } from './barrier/barrier.aggregate.js';
import { BARRIER_ERROR_REASONS } from './barrier/barrier.reasons.js';
import { carerAggregate } from './carer/carer.aggregate.js';
import { CARER_ERROR_REASONS } from './carer/carer.reasons.js';
import { committeeAggregate } from './committee/committee.aggregate.js';
import { COMMITTEE_ERROR_REASONS } from './committee/committee.reasons.js';
import { decisionAggregate } from './decision/decision.aggregate.js';
import { DECISION_ERROR_REASONS } from './decision/decision.reasons.js';
import { evidenceAggregate } from './evidence/evidence.aggregate.js';
import { EVIDENCE_ERROR_REASONS } from './evidence/evidence.reasons.js';
import { informationChannelAggregate } from './information-channel/information-channel.aggregate.js';
import { INFORMATION_CHANNEL_ERROR_REASONS } from './information-channel/information-channel.reasons.js';
import { organisationAggregate } from './organisation/organisation.aggregate.js';
import { ORGANISATION_ERROR_REASONS } from './organisation/organisation.reasons.js';
import { partnershipAggregate } from './partnership/partnership.aggregate.js';
import { PARTNERSHIP_ERROR_REASONS } from './partnership/partnership.reasons.js';
import { programmeAggregate } from './programme/programme.aggregate.js';
import { PROGRAMME_ERROR_REASONS } from './programme/programme.reasons.js';
import { projectAggregate } from './project/project.aggregate.js';
import { PROJECT_ERROR_REASONS } from './project/project.reasons.js';
import type { AnyReasonList, ReasonList } from './shared/reason-list.js';
import { SHARED_ERROR_REASONS } from './shared/shared.reasons.js';
import { suggestionAggregate } from './suggestion/suggestion.aggregate.js';
import { SUGGESTION_ERROR_REASONS } from './suggestion/suggestion.reasons.js';
import { carerRequestAggregate } from './carer-request/carer-request.aggregate.js';
import { CARER_REQUEST_ERROR_REASONS } from './carer-request/carer-request.reasons.js';
import { surveyInstrumentAggregate } from './survey-instrument/survey-instrument.aggregate.js';
import { SURVEY_INSTRUMENT_ERROR_REASONS } from './survey-instrument/survey-instrument.reasons.js';

export { SHARED_ERROR_REASONS } from './shared/shared.reasons.js';
export { reasonError, reasonExtensions } from './shared/reason-list.js';
export type {
  AnyReasonList,
  CategoryReason,
  CodeByCategory,
  CodedReason,
  CodedReasonDefinition,
  ReasonDefinition,
  ReasonError,
  ReasonExtensions,
  ReasonList,
} from './shared/reason-list.js';

/**
 * One list of reason codes: those of an aggregate, those the shared guards throw for every
 * aggregate, or (given to the renderer by the API) those of a read model or of the API itself.
 */
export interface ErrorReasonSection<List extends AnyReasonList = AnyReasonList> {
  readonly title: string;
  /** Who throws them; an aggregate's section says it by default. */
  readonly thrownBy?: string;
  readonly reasons: List;
}

/** Every reason code the domain refuses a command with, in the order docs/errors.md lists them. */
export const ERROR_REASON_SECTIONS: readonly ErrorReasonSection<ReasonList>[] = [
  {
    title: 'Shared',
    thrownBy: 'Thrown by the guards every aggregate uses (texts, numbers, choices, dates, pseudonyms).',
    reasons: SHARED_ERROR_REASONS,
  },
  { title: projectAggregate.name, reasons: PROJECT_ERROR_REASONS },
  { title: programmeAggregate.name, reasons: PROGRAMME_ERROR_REASONS },
  { title: organisationAggregate.name, reasons: ORGANISATION_ERROR_REASONS },
  { title: partnershipAggregate.name, reasons: PARTNERSHIP_ERROR_REASONS },
  { title: carerAggregate.name, reasons: CARER_ERROR_REASONS },
  { title: surveyInstrumentAggregate.name, reasons: SURVEY_INSTRUMENT_ERROR_REASONS },
  { title: activityAggregate.name, reasons: ACTIVITY_ERROR_REASONS },
  { title: committeeAggregate.name, reasons: COMMITTEE_ERROR_REASONS },
  { title: informationChannelAggregate.name, reasons: INFORMATION_CHANNEL_ERROR_REASONS },
  { title: decisionAggregate.name, reasons: DECISION_ERROR_REASONS },
  { title: suggestionAggregate.name, reasons: SUGGESTION_ERROR_REASONS },
  { title: carerRequestAggregate.name, reasons: CARER_REQUEST_ERROR_REASONS },
  { title: evidenceAggregate.name, reasons: EVIDENCE_ERROR_REASONS },
  { title: barrierAggregate.name, reasons: BARRIER_ERROR_REASONS },
];
