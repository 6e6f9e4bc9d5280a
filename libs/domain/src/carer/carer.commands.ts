import type { DomainCommand } from '../shared/decider.js';
import type {
  CarerConsentKind,
  CarerRegistrationDetails,
  CarerInvitationChannel,
  CarerWithdrawalReason,
  InvitationDeclineReason,
} from './carer.events.js';
import type { EncryptedPersonalData } from './encrypted-personal-data.js';

export type RegisterCarer = DomainCommand<'RegisterCarer', CarerRegistrationDetails>;

export type UpdateCarerPersonalData = DomainCommand<
  'UpdateCarerPersonalData',
  { carerId: string; personalData: EncryptedPersonalData }
>;

export type EraseCarerPersonalData = DomainCommand<
  'EraseCarerPersonalData',
  { carerId: string; erasedBy: string; reason: string }
>;

export type GiveCarerConsent = DomainCommand<'GiveCarerConsent', { carerId: string; kind: CarerConsentKind }>;

export type WithdrawCarerConsent = DomainCommand<'WithdrawCarerConsent', { carerId: string; kind: CarerConsentKind }>;

export type InviteCarer = DomainCommand<
  'InviteCarer',
  {
    carerId: string;
    invitationId: string;
    channel: CarerInvitationChannel;
    invitedByOrganisationId: string;
    referredByCarerId: string | null;
  }
>;

export type AcceptCarerInvitation = DomainCommand<'AcceptCarerInvitation', { carerId: string; invitationId: string }>;

export type DeclineCarerInvitation = DomainCommand<
  'DeclineCarerInvitation',
  { carerId: string; invitationId: string; reason: InvitationDeclineReason; note: string | null }
>;

export type WithdrawCarerFromProject = DomainCommand<
  'WithdrawCarerFromProject',
  { carerId: string; reason: CarerWithdrawalReason; note: string | null }
>;

export type CarerCommand =
  | RegisterCarer
  | UpdateCarerPersonalData
  | EraseCarerPersonalData
  | GiveCarerConsent
  | WithdrawCarerConsent
  | InviteCarer
  | AcceptCarerInvitation
  | DeclineCarerInvitation
  | WithdrawCarerFromProject;
