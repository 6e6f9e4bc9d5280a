import type { DecisionContext, Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/errors.js';
import { requireInteger, requireNotInFuture, requireOneOf, requireText } from '../shared/guards.js';
import type {
  AcceptCarerInvitation,
  CarerCommand,
  DeclineCarerInvitation,
  InviteCarer,
  RegisterCarer,
  WithdrawCarerFromProject,
} from './carer.commands.js';
import {
  CARER_AGE_BANDS,
  CARER_CONSENT_KINDS,
  CARER_GENDERS,
  CARER_INVITATION_CHANNELS,
  CARER_RELATIONSHIPS,
  CARER_STRESS_LEVELS,
  CARER_WITHDRAWAL_REASONS,
  INVITATION_DECLINE_REASONS,
  type CarerConsentKind,
  type CarerEvent,
  type CarerInvitationChannel,
} from './carer.events.js';
import { requireEncryptedPersonalData } from './encrypted-personal-data.js';

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

const requireId = (field: string, value: string) => requireText(field, value, 100);
const optionalNote = (note: string | null) => (note === null ? null : requireText('note', note, 1000));

function registered(state: CarerState, carerId: string): RegisteredCarerState {
  if (state.status !== 'registered') throw notFound('CARER_NOT_FOUND', `Carer ${carerId} is not registered`);
  return state;
}

function notWithdrawn(carer: RegisteredCarerState): RegisteredCarerState {
  if (carer.withdrawn) throw conflict('CARER_WITHDRAWN', 'The carer has withdrawn from the project');
  return carer;
}

/** An invitation is answered once, and only while it is the open one. */
function openInvitation(carer: RegisteredCarerState, invitationId: string) {
  const open = carer.openInvitation;
  if (open !== null && open.invitationId === invitationId) return open;
  if (carer.invitationIds.includes(invitationId)) {
    throw conflict('INVITATION_ALREADY_ANSWERED', `Invitation ${invitationId} was already answered`);
  }
  throw notFound('INVITATION_NOT_FOUND', `The carer has no invitation ${invitationId}`);
}

function register(command: RegisterCarer, state: CarerState): CarerEvent[] {
  const data = command.data;
  if (state.status !== 'unregistered') {
    throw conflict('CARER_ALREADY_REGISTERED', `Carer ${data.carerId} is already registered`);
  }
  return [
    {
      type: 'CarerRegistered',
      data: {
        carerId: requireId('carerId', data.carerId),
        projectId: requireId('projectId', data.projectId),
        pseudonym: requireText('pseudonym', data.pseudonym, 50),
        registeredByOrganisationId: requireId('registeredByOrganisationId', data.registeredByOrganisationId),
        gender: requireOneOf('gender', data.gender, CARER_GENDERS),
        ageBand: requireOneOf('ageBand', data.ageBand, CARER_AGE_BANDS),
        weeklyCareHours:
          data.weeklyCareHours === null ? null : requireInteger('weeklyCareHours', data.weeklyCareHours, 0, 168),
        stressLevel: requireOneOf('stressLevel', data.stressLevel, CARER_STRESS_LEVELS),
        area: data.area === null ? null : requireText('area', data.area, 100),
        relationship: requireOneOf('relationship', data.relationship, CARER_RELATIONSHIPS),
        personalData: data.personalData === null ? null : requireEncryptedPersonalData(data.personalData),
      },
    },
  ];
}

function invite(command: InviteCarer, carer: RegisteredCarerState): CarerEvent[] {
  const data = command.data;
  notWithdrawn(carer);
  if (carer.accepted) throw conflict('CARER_ALREADY_PARTICIPATING', 'The carer already accepted an invitation');
  if (carer.openInvitation !== null) {
    throw conflict('INVITATION_ALREADY_OPEN', `Invitation ${carer.openInvitation.invitationId} awaits an answer`);
  }
  const invitationId = requireId('invitationId', data.invitationId);
  if (carer.invitationIds.includes(invitationId)) {
    throw conflict('INVITATION_ID_ALREADY_USED', `Invitation ${invitationId} was already made`);
  }
  const channel = requireOneOf('channel', data.channel, CARER_INVITATION_CHANNELS);
  const referredByCarerId =
    data.referredByCarerId === null ? null : requireId('referredByCarerId', data.referredByCarerId);
  if (referredByCarerId !== null && channel !== 'word_of_mouth') {
    throw invalid('REFERRAL_ONLY_BY_WORD_OF_MOUTH', 'Only a word-of-mouth invitation names a referring carer', {
      field: 'referredByCarerId',
    });
  }
  if (referredByCarerId === data.carerId) {
    throw invalid('SELF_REFERRAL', 'A carer cannot refer themselves', { field: 'referredByCarerId' });
  }
  return [
    {
      type: 'CarerInvited',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        invitationId,
        channel,
        invitedByOrganisationId: requireId('invitedByOrganisationId', data.invitedByOrganisationId),
        referredByCarerId,
        invitationNumber: carer.invitationIds.length + 1,
      },
    },
  ];
}

function accept(command: AcceptCarerInvitation, carer: RegisteredCarerState): CarerEvent[] {
  const { carerId, invitationId } = command.data;
  const open = openInvitation(notWithdrawn(carer), invitationId);
  return [
    {
      type: 'CarerInvitationAccepted',
      data: { carerId, projectId: carer.projectId, invitationId, channel: open.channel },
    },
  ];
}

function decline(command: DeclineCarerInvitation, carer: RegisteredCarerState): CarerEvent[] {
  const data = command.data;
  const open = openInvitation(notWithdrawn(carer), data.invitationId);
  return [
    {
      type: 'CarerInvitationDeclined',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        invitationId: data.invitationId,
        channel: open.channel,
        reason: requireOneOf('reason', data.reason, INVITATION_DECLINE_REASONS),
        note: optionalNote(data.note),
      },
    },
  ];
}

function withdraw(command: WithdrawCarerFromProject, carer: RegisteredCarerState): CarerEvent[] {
  const data = command.data;
  if (carer.withdrawn) throw conflict('CARER_ALREADY_WITHDRAWN', 'The carer has already withdrawn');
  if (!carer.accepted) {
    throw conflict('CARER_NOT_PARTICIPATING', 'Only a carer who accepted an invitation can withdraw; decline instead');
  }
  return [
    {
      type: 'CarerWithdrewFromProject',
      data: {
        carerId: data.carerId,
        projectId: carer.projectId,
        reason: requireOneOf('reason', data.reason, CARER_WITHDRAWAL_REASONS),
        note: optionalNote(data.note),
      },
    },
  ];
}

export const carerDecider: Decider<CarerCommand, CarerEvent, CarerState> = {
  initialState: { status: 'unregistered' },

  decide(command, state, context: DecisionContext) {
    // Every carer command records something that happened to the carer.
    requireNotInFuture('occurredAt', context.occurredAt, context.now);
    if (command.type === 'RegisterCarer') return register(command, state);
    const carer = registered(state, command.data.carerId);
    const { carerId } = command.data;
    switch (command.type) {
      case 'UpdateCarerPersonalData': {
        if (carer.erased) throw conflict('CARER_ERASED', "The carer's personal data was erased");
        const personalData = requireEncryptedPersonalData(command.data.personalData);
        return [{ type: 'CarerPersonalDataUpdated', data: { carerId, projectId: carer.projectId, personalData } }];
      }
      case 'EraseCarerPersonalData': {
        if (carer.erased) throw conflict('CARER_ALREADY_ERASED', "The carer's personal data was already erased");
        return [
          {
            type: 'CarerPersonalDataErased',
            data: {
              carerId,
              projectId: carer.projectId,
              erasedBy: requireId('erasedBy', command.data.erasedBy),
              reason: requireText('reason', command.data.reason),
            },
          },
        ];
      }
      case 'GiveCarerConsent': {
        const kind = requireOneOf('kind', command.data.kind, CARER_CONSENT_KINDS);
        notWithdrawn(carer);
        if (carer.consents[kind] === 'given')
          throw conflict('CONSENT_ALREADY_GIVEN', `Consent to ${kind} is already given`);
        return [{ type: 'CarerConsentGiven', data: { carerId, projectId: carer.projectId, kind } }];
      }
      case 'WithdrawCarerConsent': {
        // Withdrawing consent stays possible after leaving the project.
        const kind = requireOneOf('kind', command.data.kind, CARER_CONSENT_KINDS);
        if (carer.consents[kind] !== 'given') throw conflict('CONSENT_NOT_GIVEN', `Consent to ${kind} is not given`);
        return [{ type: 'CarerConsentWithdrawn', data: { carerId, projectId: carer.projectId, kind } }];
      }
      case 'InviteCarer':
        return invite(command, carer);
      case 'AcceptCarerInvitation':
        return accept(command, carer);
      case 'DeclineCarerInvitation':
        return decline(command, carer);
      case 'WithdrawCarerFromProject':
        return withdraw(command, carer);
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
