import { describe, expect, it } from '@jest/globals';
import { fold } from '../shared/decider.js';
import { NOW, scenario } from '../shared/given-when-then.js';
import { carerAggregate } from './carer.aggregate.js';
import type { CarerCommand, RegisterCarer } from './carer.commands.js';
import { carerDecider, hasConsent, isParticipating } from './carer.decider.js';
import type { CarerEvent, CarerInvited, CarerRegistered } from './carer.events.js';
import type { EncryptedPersonalData } from './encrypted-personal-data.js';

const carerId = 'c-8';
const projectId = 'p-1';
const envelope: EncryptedPersonalData = {
  algorithm: 'aes-256-gcm',
  keyId: 'carer-key-c-8',
  iv: 'AAECAwQFBgcICQoL', // 12 bytes
  ciphertext: 'c2VjcmV0IGJ5dGVz',
  authTag: 'AAECAwQFBgcICQoLDA0ODw==', // 16 bytes
};
const registration: RegisterCarer['data'] = {
  carerId,
  projectId,
  pseudonym: 'Carer 8',
  registeredByOrganisationId: 'org-home-care',
  gender: 'female',
  ageBand: 'aged_55_64',
  weeklyCareHours: 40,
  stressLevel: 'high',
  area: 'upper valley',
  relationship: 'child',
  personalData: envelope,
};
const registered: CarerRegistered = { type: 'CarerRegistered', data: registration };
const invited = (invitationId = 'inv-1', invitationNumber = 1): CarerInvited => ({
  type: 'CarerInvited',
  data: {
    carerId,
    projectId,
    invitationId,
    channel: 'provider',
    invitedByOrganisationId: 'org-home-care',
    referredByCarerId: null,
    invitationNumber,
  },
});
const accepted = (invitationId = 'inv-1'): CarerEvent => ({
  type: 'CarerInvitationAccepted',
  data: { carerId, projectId, invitationId, channel: 'provider' },
});
const declined = (invitationId = 'inv-1'): CarerEvent => ({
  type: 'CarerInvitationDeclined',
  data: { carerId, projectId, invitationId, channel: 'provider', reason: 'mistrust', note: null },
});
const withdrew: CarerEvent = {
  type: 'CarerWithdrewFromProject',
  data: { carerId, projectId, reason: 'lack_of_time', note: null },
};
const erased: CarerEvent = {
  type: 'CarerPersonalDataErased',
  data: { carerId, projectId, erasedBy: 'member-dpo', reason: 'carer asked to be forgotten' },
};
const consentGiven = (kind: 'participation' | 'audio_recording' | 'data_processing'): CarerEvent => ({
  type: 'CarerConsentGiven',
  data: { carerId, projectId, kind },
});
const invite = (data: Partial<Extract<CarerCommand, { type: 'InviteCarer' }>['data']> = {}): CarerCommand => ({
  type: 'InviteCarer',
  data: {
    carerId,
    invitationId: 'inv-1',
    channel: 'provider',
    invitedByOrganisationId: 'org-home-care',
    referredByCarerId: null,
    ...data,
  },
});
const carer = scenario(carerDecider);
const future = { occurredAt: new Date(NOW.getTime() + 60_000) };

describe('Carer registration', () => {
  it('registers a carer under a pseudonym with non-identifying attributes and an encrypted envelope', () => {
    carer.given().when({ type: 'RegisterCarer', data: registration }).then(registered);
  });

  it('registers a carer with nothing but a pseudonym known', () => {
    const data: RegisterCarer['data'] = {
      ...registration,
      gender: 'undisclosed',
      ageBand: 'undisclosed',
      weeklyCareHours: null,
      stressLevel: 'undisclosed',
      area: null,
      relationship: 'undisclosed',
      personalData: null,
    };
    carer.given().when({ type: 'RegisterCarer', data }).then({ type: 'CarerRegistered', data });
  });

  it('keeps any unexpected plain-text field out of the event', () => {
    const data = { ...registration, pseudonym: '  Carer 8 ', name: 'Maria Rossi' } as RegisterCarer['data'];
    carer.given().when({ type: 'RegisterCarer', data }).then(registered);
  });

  it('refuses to register twice', () => {
    carer
      .given(registered)
      .when({ type: 'RegisterCarer', data: registration })
      .thenFails('CARER_ALREADY_REGISTERED', 'conflict');
  });

  it('refuses a registration dated in the future', () => {
    carer.given().when({ type: 'RegisterCarer', data: registration }, future).thenFails('IN_THE_FUTURE', 'invalid');
  });

  it.each([
    ['an empty pseudonym', { pseudonym: ' ' }, 'REQUIRED'],
    ['a pseudonym over 50 characters', { pseudonym: 'C'.repeat(51) }, 'TOO_LONG'],
    ['no project', { projectId: '' }, 'REQUIRED'],
    ['no registering organisation', { registeredByOrganisationId: '' }, 'REQUIRED'],
    ['more weekly care hours than a week has', { weeklyCareHours: 169 }, 'OUT_OF_RANGE'],
    ['negative weekly care hours', { weeklyCareHours: -1 }, 'OUT_OF_RANGE'],
    ['fractional weekly care hours', { weeklyCareHours: 10.5 }, 'OUT_OF_RANGE'],
    ['an unknown gender', { gender: 'unknown' }, 'NOT_ALLOWED'],
    ['an unknown age band', { ageBand: '40_54' }, 'NOT_ALLOWED'],
    ['an unknown stress level', { stressLevel: 'extreme' }, 'NOT_ALLOWED'],
    ['an unknown relationship', { relationship: 'neighbour' }, 'NOT_ALLOWED'],
    ['an empty area', { area: '' }, 'REQUIRED'],
    ['an area over 100 characters', { area: 'a'.repeat(101) }, 'TOO_LONG'],
  ])('refuses a registration with %s', (_title, change, reason) => {
    const data = { ...registration, ...change } as RegisterCarer['data'];
    carer.given().when({ type: 'RegisterCarer', data }).thenFails(reason, 'invalid');
  });
});

describe('Carer personal data', () => {
  const { authTag: _authTag, ...withoutAuthTag } = envelope;
  const otherEnvelope: EncryptedPersonalData = { ...envelope, ciphertext: 'bmV3IGNvbnRhY3Q=', iv: 'CwoJCAcGBQQDAgEA' };

  it('replaces the envelope with a new one', () => {
    carer
      .given(registered)
      .when({ type: 'UpdateCarerPersonalData', data: { carerId, personalData: otherEnvelope } })
      .then({ type: 'CarerPersonalDataUpdated', data: { carerId, projectId, personalData: otherEnvelope } });
  });

  it.each([
    ['a missing authTag', withoutAuthTag, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a wrong algorithm', { ...envelope, algorithm: 'aes-128-cbc' }, 'UNSUPPORTED_ENCRYPTION_ALGORITHM'],
    ['a plain-text field beside the envelope', { ...envelope, name: 'Maria Rossi' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a ciphertext that is not base64', { ...envelope, ciphertext: 'Maria Rossi' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['an empty ciphertext', { ...envelope, ciphertext: '' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a ciphertext too large', { ...envelope, ciphertext: 'AAAA'.repeat(4097) }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['an 8-byte iv', { ...envelope, iv: 'AAECAwQFBgc=' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a 4-byte authTag', { ...envelope, authTag: 'AAECAw==' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['an empty keyId', { ...envelope, keyId: ' ' }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a numeric keyId', { ...envelope, keyId: 7 }, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['no envelope at all', null, 'INVALID_PERSONAL_DATA_ENVELOPE'],
    ['a plain string', 'Maria Rossi, 333 1234567', 'INVALID_PERSONAL_DATA_ENVELOPE'],
  ])('refuses an envelope with %s', (_title, personalData, reason) => {
    const data = { carerId, personalData: personalData as EncryptedPersonalData };
    carer.given(registered).when({ type: 'UpdateCarerPersonalData', data }).thenFails(reason, 'invalid');
  });

  it('refuses a malformed envelope at registration too', () => {
    const personalData = { ...envelope, algorithm: 'none' } as unknown as EncryptedPersonalData;
    carer
      .given()
      .when({ type: 'RegisterCarer', data: { ...registration, personalData } })
      .thenFails('UNSUPPORTED_ENCRYPTION_ALGORITHM', 'invalid');
  });

  it('records the erasure of personal data', () => {
    carer
      .given(registered)
      .when({
        type: 'EraseCarerPersonalData',
        data: { carerId, erasedBy: 'member-dpo', reason: 'carer asked to be forgotten' },
      })
      .then(erased);
  });

  it('refuses an erasure without a reason or without who erased', () => {
    carer
      .given(registered)
      .when({ type: 'EraseCarerPersonalData', data: { carerId, erasedBy: 'member-dpo', reason: ' ' } })
      .thenFails('REQUIRED', 'invalid');
    carer
      .given(registered)
      .when({ type: 'EraseCarerPersonalData', data: { carerId, erasedBy: '', reason: 'asked' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('refuses to erase twice', () => {
    carer
      .given(registered, erased)
      .when({ type: 'EraseCarerPersonalData', data: { carerId, erasedBy: 'member-dpo', reason: 'again' } })
      .thenFails('CARER_ALREADY_ERASED', 'conflict');
  });

  it('refuses new personal data after erasure', () => {
    carer
      .given(registered, erased)
      .when({ type: 'UpdateCarerPersonalData', data: { carerId, personalData: otherEnvelope } })
      .thenFails('CARER_ERASED', 'conflict');
  });
});

describe('Carer consent', () => {
  it('gives consent per kind', () => {
    carer
      .given(registered, consentGiven('participation'))
      .when({ type: 'GiveCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .then(consentGiven('audio_recording'));
  });

  it('refuses to give a consent that is already given', () => {
    carer
      .given(registered, consentGiven('participation'))
      .when({ type: 'GiveCarerConsent', data: { carerId, kind: 'participation' } })
      .thenFails('CONSENT_ALREADY_GIVEN', 'conflict');
  });

  it('gives again a consent that was withdrawn', () => {
    carer
      .given(registered, consentGiven('audio_recording'), {
        type: 'CarerConsentWithdrawn',
        data: { carerId, projectId, kind: 'audio_recording' },
      })
      .when({ type: 'GiveCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .then(consentGiven('audio_recording'));
  });

  it('refuses an unknown consent kind', () => {
    carer
      .given(registered)
      .when({ type: 'GiveCarerConsent', data: { carerId, kind: 'video' as 'participation' } })
      .thenFails('NOT_ALLOWED', 'invalid');
  });

  it('refuses new consent from a carer who withdrew from the project', () => {
    carer
      .given(registered, invited(), accepted(), withdrew)
      .when({ type: 'GiveCarerConsent', data: { carerId, kind: 'participation' } })
      .thenFails('CARER_WITHDRAWN', 'conflict');
  });

  it('withdraws a given consent, also after leaving the project', () => {
    const withdrawn: CarerEvent = {
      type: 'CarerConsentWithdrawn',
      data: { carerId, projectId, kind: 'audio_recording' },
    };
    carer
      .given(registered, consentGiven('audio_recording'))
      .when({ type: 'WithdrawCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .then(withdrawn);
    carer
      .given(registered, consentGiven('audio_recording'), invited(), accepted(), withdrew)
      .when({ type: 'WithdrawCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .then(withdrawn);
  });

  it('withdraws only what was given', () => {
    carer
      .given(registered, consentGiven('participation'))
      .when({ type: 'WithdrawCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .thenFails('CONSENT_NOT_GIVEN', 'conflict');
    carer
      .given(registered, consentGiven('audio_recording'), {
        type: 'CarerConsentWithdrawn',
        data: { carerId, projectId, kind: 'audio_recording' },
      })
      .when({ type: 'WithdrawCarerConsent', data: { carerId, kind: 'audio_recording' } })
      .thenFails('CONSENT_NOT_GIVEN', 'conflict');
  });

  it('tells other handlers whether a consent currently holds', () => {
    const withdrawn: CarerEvent = {
      type: 'CarerConsentWithdrawn',
      data: { carerId, projectId, kind: 'audio_recording' },
    };
    expect(hasConsent(carerDecider.initialState, 'participation')).toBe(false);
    const state = fold(carerDecider, [registered, consentGiven('participation'), consentGiven('audio_recording')]);
    expect(hasConsent(state, 'participation')).toBe(true);
    expect(hasConsent(state, 'audio_recording')).toBe(true);
    expect(hasConsent(state, 'data_processing')).toBe(false);
    const after = carerDecider.evolve(state, withdrawn);
    expect(hasConsent(after, 'audio_recording')).toBe(false);
    expect(hasConsent(after, 'participation')).toBe(true);
  });
});

describe('Carer invitation', () => {
  it('invites a registered carer through a channel', () => {
    carer.given(registered).when(invite()).then(invited());
  });

  it('invites by word of mouth, naming the referring carer', () => {
    carer
      .given(registered)
      .when(invite({ channel: 'word_of_mouth', referredByCarerId: 'c-3' }))
      .then({
        type: 'CarerInvited',
        data: { ...invited().data, channel: 'word_of_mouth', referredByCarerId: 'c-3' },
      });
  });

  it('re-invites after a decline and counts the invitations', () => {
    carer
      .given(registered, invited(), declined())
      .when(invite({ invitationId: 'inv-2' }))
      .then(invited('inv-2', 2));
  });

  it('refuses a new invitation while one is open', () => {
    carer
      .given(registered, invited())
      .when(invite({ invitationId: 'inv-2' }))
      .thenFails('INVITATION_ALREADY_OPEN', 'conflict');
  });

  it('refuses to reuse an invitation id', () => {
    carer.given(registered, invited(), declined()).when(invite()).thenFails('INVITATION_ID_ALREADY_USED', 'conflict');
  });

  it('refuses to invite a carer who already accepted', () => {
    carer
      .given(registered, invited(), accepted())
      .when(invite({ invitationId: 'inv-2' }))
      .thenFails('CARER_ALREADY_PARTICIPATING', 'conflict');
  });

  it('refuses to invite a carer who withdrew (withdrawal is final)', () => {
    carer
      .given(registered, invited(), accepted(), withdrew)
      .when(invite({ invitationId: 'inv-2' }))
      .thenFails('CARER_WITHDRAWN', 'conflict');
  });

  it.each([
    ['a referral outside word of mouth', { referredByCarerId: 'c-3' }, 'REFERRAL_ONLY_BY_WORD_OF_MOUTH'],
    ['a carer referring themselves', { channel: 'word_of_mouth', referredByCarerId: carerId }, 'SELF_REFERRAL'],
    ['an unknown channel', { channel: 'radio' }, 'NOT_ALLOWED'],
    ['no inviting organisation', { invitedByOrganisationId: ' ' }, 'REQUIRED'],
    ['no invitation id', { invitationId: '' }, 'REQUIRED'],
  ])('refuses an invitation with %s', (_title, change, reason) => {
    carer
      .given(registered)
      .when(invite(change as Parameters<typeof invite>[0]))
      .thenFails(reason, 'invalid');
  });

  it('refuses an invitation dated in the future', () => {
    carer.given(registered).when(invite(), future).thenFails('IN_THE_FUTURE', 'invalid');
  });

  it('accepts the open invitation, naming its channel', () => {
    carer
      .given(registered, invited())
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } })
      .then(accepted());
  });

  it('accepts a re-invitation after a decline', () => {
    carer
      .given(registered, invited(), declined(), invited('inv-2', 2))
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-2' } })
      .then(accepted('inv-2'));
  });

  it('declines the open invitation with a reason and an optional note', () => {
    carer
      .given(registered, invited())
      .when({
        type: 'DeclineCarerInvitation',
        data: { carerId, invitationId: 'inv-1', reason: 'mistrust', note: null },
      })
      .then(declined());
    carer
      .given(registered, invited())
      .when({
        type: 'DeclineCarerInvitation',
        data: {
          carerId,
          invitationId: 'inv-1',
          reason: 'no_substitute_carer',
          note: ' cannot leave her husband alone ',
        },
      })
      .then({
        type: 'CarerInvitationDeclined',
        data: {
          carerId,
          projectId,
          invitationId: 'inv-1',
          channel: 'provider',
          reason: 'no_substitute_carer',
          note: 'cannot leave her husband alone',
        },
      });
  });

  it('refuses a decline with an unknown reason or an empty note', () => {
    carer
      .given(registered, invited())
      .when({
        type: 'DeclineCarerInvitation',
        data: { carerId, invitationId: 'inv-1', reason: 'busy' as 'no_time', note: null },
      })
      .thenFails('NOT_ALLOWED', 'invalid');
    carer
      .given(registered, invited())
      .when({ type: 'DeclineCarerInvitation', data: { carerId, invitationId: 'inv-1', reason: 'other', note: '' } })
      .thenFails('REQUIRED', 'invalid');
  });

  it('answers an invitation only once, and either accepts or declines', () => {
    carer
      .given(registered, invited(), accepted())
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } })
      .thenFails('INVITATION_ALREADY_ANSWERED', 'conflict');
    carer
      .given(registered, invited(), accepted())
      .when({ type: 'DeclineCarerInvitation', data: { carerId, invitationId: 'inv-1', reason: 'cost', note: null } })
      .thenFails('INVITATION_ALREADY_ANSWERED', 'conflict');
    carer
      .given(registered, invited(), declined())
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } })
      .thenFails('INVITATION_ALREADY_ANSWERED', 'conflict');
    carer
      .given(registered, invited(), declined(), invited('inv-2', 2))
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } })
      .thenFails('INVITATION_ALREADY_ANSWERED', 'conflict');
  });

  it('refuses to answer an invitation that was never made', () => {
    carer
      .given(registered)
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } })
      .thenFails('INVITATION_NOT_FOUND', 'not_found');
    carer
      .given(registered, invited())
      .when({ type: 'DeclineCarerInvitation', data: { carerId, invitationId: 'inv-9', reason: 'cost', note: null } })
      .thenFails('INVITATION_NOT_FOUND', 'not_found');
  });

  it('refuses an answer dated in the future', () => {
    carer
      .given(registered, invited())
      .when({ type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } }, future)
      .thenFails('IN_THE_FUTURE', 'invalid');
  });
});

describe('Carer withdrawal from the project', () => {
  it('withdraws a participating carer with a reason', () => {
    carer
      .given(registered, invited(), accepted())
      .when({ type: 'WithdrawCarerFromProject', data: { carerId, reason: 'lack_of_time', note: null } })
      .then(withdrew);
  });

  it('keeps a note on the withdrawal', () => {
    carer
      .given(registered, invited(), accepted())
      .when({ type: 'WithdrawCarerFromProject', data: { carerId, reason: 'other', note: 'moved in with her son' } })
      .then({
        type: 'CarerWithdrewFromProject',
        data: { carerId, projectId, reason: 'other', note: 'moved in with her son' },
      });
  });

  it('withdraws only once', () => {
    carer
      .given(registered, invited(), accepted(), withdrew)
      .when({ type: 'WithdrawCarerFromProject', data: { carerId, reason: 'unknown', note: null } })
      .thenFails('CARER_ALREADY_WITHDRAWN', 'conflict');
  });

  it('withdraws only a carer who accepted an invitation', () => {
    carer
      .given(registered, invited())
      .when({ type: 'WithdrawCarerFromProject', data: { carerId, reason: 'unknown', note: null } })
      .thenFails('CARER_NOT_PARTICIPATING', 'conflict');
  });

  it('refuses an unknown withdrawal reason', () => {
    carer
      .given(registered, invited(), accepted())
      .when({
        type: 'WithdrawCarerFromProject',
        data: { carerId, reason: 'bored' as 'unknown', note: null },
      })
      .thenFails('NOT_ALLOWED', 'invalid');
  });
});

describe('Carer state and stream', () => {
  it.each<CarerCommand>([
    { type: 'UpdateCarerPersonalData', data: { carerId, personalData: envelope } },
    { type: 'EraseCarerPersonalData', data: { carerId, erasedBy: 'member-dpo', reason: 'asked' } },
    { type: 'GiveCarerConsent', data: { carerId, kind: 'participation' } },
    { type: 'WithdrawCarerConsent', data: { carerId, kind: 'participation' } },
    invite(),
    { type: 'AcceptCarerInvitation', data: { carerId, invitationId: 'inv-1' } },
    { type: 'DeclineCarerInvitation', data: { carerId, invitationId: 'inv-1', reason: 'cost', note: null } },
    { type: 'WithdrawCarerFromProject', data: { carerId, reason: 'unknown', note: null } },
  ])('refuses $type for a carer who was never registered', (command) => {
    carer.given().when(command).thenFails('CARER_NOT_FOUND', 'not_found');
  });

  it('exposes project, invitations, participation, withdrawal and erasure', () => {
    const state = fold(carerDecider, [registered, invited(), declined(), invited('inv-2', 2)]);
    expect(state).toEqual({
      status: 'registered',
      projectId,
      consents: { participation: 'not_given', audio_recording: 'not_given', data_processing: 'not_given' },
      invitationIds: ['inv-1', 'inv-2'],
      openInvitation: { invitationId: 'inv-2', channel: 'provider' },
      accepted: false,
      withdrawn: false,
      erased: false,
    });
    expect(isParticipating(state)).toBe(false);
    const joined = fold(carerDecider, [registered, invited(), accepted()]);
    expect(isParticipating(joined)).toBe(true);
    expect(joined).toMatchObject({ accepted: true, openInvitation: null });
    const left = fold(carerDecider, [registered, invited(), accepted(), withdrew, erased]);
    expect(isParticipating(left)).toBe(false);
    expect(left).toMatchObject({ accepted: true, withdrawn: true, erased: true });
  });

  it('routes every command to the carer stream', () => {
    expect(carerAggregate.streamId(invite())).toBe('carer-c-8');
    expect(carerAggregate.commandTypes).toHaveLength(9);
  });
});
