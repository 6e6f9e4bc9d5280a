import type { Decider } from '../shared/decider.js';
import { requireNotInFuture } from '../shared/guards.js';
import type { CarerCommand } from './carer.commands.js';
import type { CarerConsentKind, CarerEvent } from './carer.events.js';
import type { CarerState, RegisteredCarerState } from './carer.state.js';
import { acceptCarerInvitation } from './decide/accept-carer-invitation.js';
import { declineCarerInvitation } from './decide/decline-carer-invitation.js';
import { eraseCarerPersonalData } from './decide/erase-carer-personal-data.js';
import { giveCarerConsent } from './decide/give-carer-consent.js';
import { inviteCarer } from './decide/invite-carer.js';
import { registerCarer } from './decide/register-carer.js';
import { updateCarerPersonalData } from './decide/update-carer-personal-data.js';
import { withdrawCarerConsent } from './decide/withdraw-carer-consent.js';
import { withdrawCarerFromProject } from './decide/withdraw-carer-from-project.js';

export type { CarerConsentStatus, CarerState, RegisteredCarerState } from './carer.state.js';

export const carerStreamId = (carerId: string) => `carer-${carerId}`;

/**
 * Whether the carer currently consents to `kind`. Handlers of other aggregates load the carer
 * and check this before recording anything new of that kind (e.g. an audio-recorded workshop).
 */
export function hasConsent(state: CarerState, kind: CarerConsentKind): boolean {
  return state.status === 'registered' && state.consents[kind] === 'given';
}

/** Accepted an invitation and has not withdrawn: may be recorded as taking part in activities. */
export function isParticipating(state: CarerState): boolean {
  return state.status === 'registered' && state.accepted && !state.withdrawn;
}

const NO_CONSENTS: RegisteredCarerState['consents'] = {
  participation: 'not_given',
  audio_recording: 'not_given',
  data_processing: 'not_given',
};

export const carerDecider: Decider<CarerCommand, CarerEvent, CarerState> = {
  initialState: { status: 'unregistered' },

  decide(command, state, context) {
    // Every carer command records something that happened to the carer.
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    switch (command.type) {
      case 'RegisterCarer':
        return registerCarer(command, state);
      case 'UpdateCarerPersonalData':
        return updateCarerPersonalData(command, state);
      case 'EraseCarerPersonalData':
        return eraseCarerPersonalData(command, state);
      case 'GiveCarerConsent':
        return giveCarerConsent(command, state);
      case 'WithdrawCarerConsent':
        return withdrawCarerConsent(command, state);
      case 'InviteCarer':
        return inviteCarer(command, state);
      case 'AcceptCarerInvitation':
        return acceptCarerInvitation(command, state);
      case 'DeclineCarerInvitation':
        return declineCarerInvitation(command, state);
      case 'WithdrawCarerFromProject':
        return withdrawCarerFromProject(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'CarerRegistered') {
      return {
        status: 'registered',
        projectId: event.data.projectId,
        consents: NO_CONSENTS,
        invitationIds: [],
        openInvitation: null,
        accepted: false,
        withdrawn: false,
        erased: false,
      };
    }
    if (state.status !== 'registered') return state;
    switch (event.type) {
      case 'CarerPersonalDataUpdated':
        return state;
      case 'CarerPersonalDataErased':
        return { ...state, erased: true };
      case 'CarerConsentGiven':
        return { ...state, consents: { ...state.consents, [event.data.kind]: 'given' } };
      case 'CarerConsentWithdrawn':
        return { ...state, consents: { ...state.consents, [event.data.kind]: 'withdrawn' } };
      case 'CarerInvited':
        return {
          ...state,
          invitationIds: [...state.invitationIds, event.data.invitationId],
          openInvitation: { invitationId: event.data.invitationId, channel: event.data.channel },
        };
      case 'CarerInvitationAccepted':
        return { ...state, openInvitation: null, accepted: true };
      case 'CarerInvitationDeclined':
        return { ...state, openInvitation: null };
      case 'CarerWithdrewFromProject':
        return { ...state, withdrawn: true };
    }
  },
};
