import { ACTIVITY_STATUSES, EVIDENCE_KINDS, RECORDED_DECISION_MAKER_ROLES } from '#domain';
import { enumFromValues } from '../command-side/graphql-enums.js';

/** Read-side states of the directory's records; the command-side enums are reused as they are. */
export const ActivityStatusEnum = enumFromValues('ActivityStatus', ACTIVITY_STATUSES);

export const RecordedDecisionMakerRoleEnum = enumFromValues(
  'RecordedDecisionMakerRole',
  RECORDED_DECISION_MAKER_ROLES,
  'Who took a cancellation decision; `unknown` when an early release did not record it.',
);

export const ActivityRegistrationStatusEnum = enumFromValues('ActivityRegistrationStatus', [
  'registered',
  'cancelled',
] as const);

export const CARER_PARTICIPATION_STATUSES = ['not_invited', 'invited', 'accepted', 'declined', 'withdrawn'] as const;
export const CarerParticipationStatusEnum = enumFromValues(
  'CarerParticipationStatus',
  CARER_PARTICIPATION_STATUSES,
  'Where a carer stands: not yet invited, invited (an answer is awaited), accepted, declined (may be invited again) or withdrawn.',
);

export const CarerConsentStatusEnum = enumFromValues('CarerConsentStatus', [
  'not_given',
  'given',
  'withdrawn',
] as const);

export const CarerInvitationStatusEnum = enumFromValues('CarerInvitationStatus', [
  'open',
  'accepted',
  'declined',
] as const);

export const PARTNER_STATUSES = ['current', 'former'] as const;
export const PartnerStatusEnum = enumFromValues('PartnerStatus', PARTNER_STATUSES);

export const PARTNER_ROLES_STATUSES = ['unspecified', 'clarified', 'unclear'] as const;
export const PartnerRolesStatusEnum = enumFromValues(
  'PartnerRolesStatus',
  PARTNER_ROLES_STATUSES,
  "The latest finding on a partner's roles: clarified or unclear; unspecified before either.",
);

export const PARTNER_MEMBER_STATUSES = ['current', 'removed'] as const;
export const PartnerMemberStatusEnum = enumFromValues('PartnerMemberStatus', PARTNER_MEMBER_STATUSES);

export const COORDINATION_MEETING_STATUSES = ['planned', 'held', 'missed'] as const;
export const CoordinationMeetingStatusEnum = enumFromValues('CoordinationMeetingStatus', COORDINATION_MEETING_STATUSES);

export const COORDINATION_CONCERN_STATUSES = ['raised', 'resolved'] as const;
export const CoordinationConcernStatusEnum = enumFromValues('CoordinationConcernStatus', COORDINATION_CONCERN_STATUSES);

export const DECISION_STATUSES = ['taken', 'contested', 'revised'] as const;
export const DecisionStatusEnum = enumFromValues(
  'DecisionStatus',
  DECISION_STATUSES,
  'Taken, contested or revised: the latest of what happened to the decision.',
);

export const SUGGESTION_STATUSES = ['made', 'adopted', 'declined', 'implemented'] as const;
export const SuggestionStatusEnum = enumFromValues('SuggestionStatus', SUGGESTION_STATUSES);

export const EvidenceKindEnum = enumFromValues(
  'EvidenceKind',
  EVIDENCE_KINDS,
  'Interview, co-design or co-assessment workshop, or reflexive note.',
);

export const BARRIER_STATUSES = ['open', 'resolved'] as const;
export const BarrierStatusEnum = enumFromValues('BarrierStatus', BARRIER_STATUSES);

export const INFORMATION_CHANNEL_STATUSES = ['active', 'retired'] as const;
export const InformationChannelStatusEnum = enumFromValues('InformationChannelStatus', INFORMATION_CHANNEL_STATUSES);

export const SURVEY_INSTRUMENT_STATUSES = ['active', 'retired'] as const;
export const SurveyInstrumentStatusEnum = enumFromValues('SurveyInstrumentStatus', SURVEY_INSTRUMENT_STATUSES);
