import type { DomainEvent } from '../shared/decider.js';
import { eventTypesOf } from '../shared/event-types.js';
import type { EncryptedPersonalData } from './encrypted-personal-data.js';

export const CARER_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type CarerGender = (typeof CARER_GENDERS)[number];

// GraphQL enum values cannot start with a digit, hence `aged_40_54` rather than `40_54`.
export const CARER_AGE_BANDS = [
  'under_40',
  'aged_40_54',
  'aged_55_64',
  'aged_65_74',
  'aged_75_plus',
  'undisclosed',
] as const;
export type CarerAgeBand = (typeof CARER_AGE_BANDS)[number];

export const CARER_STRESS_LEVELS = ['low', 'medium', 'high', 'undisclosed'] as const;
export type CarerStressLevel = (typeof CARER_STRESS_LEVELS)[number];

/** The carer's relationship to the elderly person they look after. */
export const CARER_RELATIONSHIPS = ['spouse', 'child', 'other_relative', 'friend', 'undisclosed'] as const;
export type CarerRelationship = (typeof CARER_RELATIONSHIPS)[number];

export const CARER_CONSENT_KINDS = ['participation', 'audio_recording', 'data_processing'] as const;
export type CarerConsentKind = (typeof CARER_CONSENT_KINDS)[number];

export const CARER_INVITATION_CHANNELS = [
  'word_of_mouth',
  'provider',
  'social_worker',
  'gp',
  'care_facility',
  'social_media',
  'website',
  'brochure',
  'press',
  'tv',
  'other',
] as const;
export type CarerInvitationChannel = (typeof CARER_INVITATION_CHANNELS)[number];

export const INVITATION_DECLINE_REASONS = [
  'mistrust',
  'no_substitute_carer',
  'cost',
  'no_time',
  'patient_health',
  'not_interested',
  'unknown',
  'other',
] as const;
export type InvitationDeclineReason = (typeof INVITATION_DECLINE_REASONS)[number];

export const CARER_WITHDRAWAL_REASONS = [
  'lack_of_time',
  'patient_death',
  'patient_institutionalised',
  'moved_away',
  'dissatisfied',
  'unknown',
  'other',
] as const;
export type CarerWithdrawalReason = (typeof CARER_WITHDRAWAL_REASONS)[number];

/** Non-identifying attributes: what cohort projections may group carers by. */
export interface CarerAttributes {
  readonly gender: CarerGender;
  readonly ageBand: CarerAgeBand;
  /** Hours of care given per week, 0..168; null when not known. */
  readonly weeklyCareHours: number | null;
  readonly stressLevel: CarerStressLevel;
  /** A village or valley zone, never an address. */
  readonly area: string | null;
  readonly relationship: CarerRelationship;
}

// The facts a command asks for and its event records, where they are the same: the command is the
// intent, the event the fact, and either may extend the shared type when they come to differ.
export type CarerRegistrationDetails = CarerAttributes & {
  carerId: string;
  projectId: string;
  /** How the carer is named everywhere on the platform, e.g. "Carer 8". */
  pseudonym: string;
  /** The provider that holds the carer's identity. */
  registeredByOrganisationId: string;
  /** Encrypted at the edge with the carer's own key; the domain never sees plain text. */
  personalData: EncryptedPersonalData | null;
};

export type CarerRegistered = DomainEvent<'CarerRegistered', CarerRegistrationDetails>;

export type CarerPersonalDataUpdated = DomainEvent<
  'CarerPersonalDataUpdated',
  { carerId: string; projectId: string; personalData: EncryptedPersonalData }
>;

/** The per-carer key is destroyed outside the domain, which makes every stored envelope unreadable. */
export type CarerPersonalDataErased = DomainEvent<
  'CarerPersonalDataErased',
  { carerId: string; projectId: string; erasedBy: string; reason: string }
>;

export type CarerConsentGiven = DomainEvent<
  'CarerConsentGiven',
  { carerId: string; projectId: string; kind: CarerConsentKind }
>;

export type CarerConsentWithdrawn = DomainEvent<
  'CarerConsentWithdrawn',
  { carerId: string; projectId: string; kind: CarerConsentKind }
>;

export type CarerInvited = DomainEvent<
  'CarerInvited',
  {
    carerId: string;
    projectId: string;
    invitationId: string;
    channel: CarerInvitationChannel;
    invitedByOrganisationId: string;
    /** The carer who spread the word, for word-of-mouth invitations. */
    referredByCarerId: string | null;
    /** 1 for the first invitation, 2 for a re-invitation after a decline, ... */
    invitationNumber: number;
  }
>;

// The channel is repeated on the responses so that acceptance and refusal rates per channel need no join.
export type CarerInvitationAccepted = DomainEvent<
  'CarerInvitationAccepted',
  { carerId: string; projectId: string; invitationId: string; channel: CarerInvitationChannel }
>;

export type CarerInvitationDeclined = DomainEvent<
  'CarerInvitationDeclined',
  {
    carerId: string;
    projectId: string;
    invitationId: string;
    channel: CarerInvitationChannel;
    reason: InvitationDeclineReason;
    note: string | null;
  }
>;

export type CarerWithdrewFromProject = DomainEvent<
  'CarerWithdrewFromProject',
  { carerId: string; projectId: string; reason: CarerWithdrawalReason; note: string | null }
>;

export type CarerEvent =
  | CarerRegistered
  | CarerPersonalDataUpdated
  | CarerPersonalDataErased
  | CarerConsentGiven
  | CarerConsentWithdrawn
  | CarerInvited
  | CarerInvitationAccepted
  | CarerInvitationDeclined
  | CarerWithdrewFromProject;

/** Every type of CarerEvent, at runtime (the compiler keeps it complete). */
export const CARER_EVENT_TYPES = eventTypesOf<CarerEvent>({
  CarerRegistered: true,
  CarerPersonalDataUpdated: true,
  CarerPersonalDataErased: true,
  CarerConsentGiven: true,
  CarerConsentWithdrawn: true,
  CarerInvited: true,
  CarerInvitationAccepted: true,
  CarerInvitationDeclined: true,
  CarerWithdrewFromProject: true,
});
