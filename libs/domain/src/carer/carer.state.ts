import type { CarerConsentKind, CarerInvitationChannel } from './carer.events.js';

export type CarerConsentStatus = 'not_given' | 'given' | 'withdrawn';

export interface RegisteredCarerState {
  readonly status: 'registered';
  readonly projectId: string;
  readonly consents: Readonly<Record<CarerConsentKind, CarerConsentStatus>>;
  /** Every invitation ever made, oldest first; its length is the invitation count. */
  readonly invitationIds: readonly string[];
  readonly openInvitation: { readonly invitationId: string; readonly channel: CarerInvitationChannel } | null;
  readonly accepted: boolean;
  readonly withdrawn: boolean;
  readonly erased: boolean;
}

export type CarerState = { readonly status: 'unregistered' } | RegisteredCarerState;
