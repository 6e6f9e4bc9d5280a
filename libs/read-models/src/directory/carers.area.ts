import type { CarerConsentKind, PlatformEvent } from '#domain';
import { eventHandlers } from '#projections';
import type { DirectoryArea, DirectoryBatch } from './directory-area.js';
import { counter, defineTable, optional, required, withDefault } from './table.js';

/**
 * A carer by pseudonym, with the non-identifying attributes cohorts group by. The personal data
 * stays the encrypted envelope the event carried (never plain text): an authorised reader may
 * decrypt it with the carer's key; after erasure the envelope is dropped (its key is gone anyway).
 * Free-text notes about the carer (decline or withdrawal notes) are not kept here.
 *
 * `participation_status`: not_invited → invited → accepted | declined (→ invited again) → withdrawn.
 * Consents are `not_given`, `given` or `withdrawn`.
 */
export const carersTable = defineTable({
  name: 'rm_carers',
  key: ['carer_id'],
  columns: {
    carer_id: required('text'),
    project_id: required('text'),
    pseudonym: required('text'),
    registered_by_organisation_id: required('text'),
    registered_at: required('timestamptz'),
    gender: required('text'),
    age_band: required('text'),
    weekly_care_hours: optional('integer'),
    stress_level: required('text'),
    area: optional('text'),
    relationship: required('text'),
    personal_data: optional('jsonb'),
    personal_data_updated_at: optional('timestamptz'),
    erased: withDefault('boolean', false),
    erased_at: optional('timestamptz'),
    participation_status: withDefault('text', 'not_invited'),
    invitation_count: counter(),
    last_invited_at: optional('timestamptz'),
    last_invitation_channel: optional('text'),
    referred_by_carer_id: optional('text'),
    accepted_at: optional('timestamptz'),
    accepted_channel: optional('text'),
    last_declined_at: optional('timestamptz'),
    last_decline_reason: optional('text'),
    withdrawn_at: optional('timestamptz'),
    withdrawal_reason: optional('text'),
    consent_participation: withDefault('text', 'not_given'),
    consent_audio_recording: withDefault('text', 'not_given'),
    consent_data_processing: withDefault('text', 'not_given'),
  },
  indexes: [
    ['project_id', 'pseudonym', 'carer_id'],
    ['project_id', 'participation_status'],
  ],
});

/** Every invitation of a carer; `status` is open, accepted or declined. */
export const carerInvitationsTable = defineTable({
  name: 'rm_carer_invitations',
  key: ['carer_id', 'invitation_id'],
  columns: {
    carer_id: required('text'),
    invitation_id: required('text'),
    project_id: required('text'),
    invitation_number: required('integer'),
    channel: required('text'),
    invited_by_organisation_id: required('text'),
    referred_by_carer_id: optional('text'),
    invited_at: required('timestamptz'),
    status: withDefault('text', 'open'),
    answered_at: optional('timestamptz'),
    decline_reason: optional('text'),
  },
  indexes: [['project_id', 'channel']],
});

const CONSENT_COLUMNS = {
  participation: 'consent_participation',
  audio_recording: 'consent_audio_recording',
  data_processing: 'consent_data_processing',
} as const satisfies Record<CarerConsentKind, string>;

export const carersArea: DirectoryArea = {
  tables: [carersTable, carerInvitationsTable],
  handlers: eventHandlers<PlatformEvent, DirectoryBatch>({
    CarerRegistered: ({ data, occurredAt }, batch) =>
      batch.to(carersTable).upsert(
        { carer_id: data.carerId },
        {
          project_id: data.projectId,
          pseudonym: data.pseudonym,
          registered_by_organisation_id: data.registeredByOrganisationId,
          registered_at: occurredAt.toISOString(),
          gender: data.gender,
          age_band: data.ageBand,
          weekly_care_hours: data.weeklyCareHours,
          stress_level: data.stressLevel,
          area: data.area,
          relationship: data.relationship,
          personal_data: data.personalData,
          personal_data_updated_at: data.personalData === null ? null : occurredAt.toISOString(),
        },
      ),
    CarerPersonalDataUpdated: ({ data, occurredAt }, batch) =>
      batch
        .to(carersTable)
        .patch(
          { carer_id: data.carerId },
          { personal_data: data.personalData, personal_data_updated_at: occurredAt.toISOString() },
        ),
    CarerPersonalDataErased: ({ data, occurredAt }, batch) =>
      batch
        .to(carersTable)
        .patch({ carer_id: data.carerId }, { personal_data: null, erased: true, erased_at: occurredAt.toISOString() }),
    CarerConsentGiven: ({ data }, batch) =>
      batch.to(carersTable).patch({ carer_id: data.carerId }, { [CONSENT_COLUMNS[data.kind]]: 'given' }),
    CarerConsentWithdrawn: ({ data }, batch) =>
      batch.to(carersTable).patch({ carer_id: data.carerId }, { [CONSENT_COLUMNS[data.kind]]: 'withdrawn' }),
    CarerInvited: ({ data, occurredAt }, batch) => {
      const carers = batch.to(carersTable);
      carers.patch(
        { carer_id: data.carerId },
        {
          participation_status: 'invited',
          last_invited_at: occurredAt.toISOString(),
          last_invitation_channel: data.channel,
          referred_by_carer_id: data.referredByCarerId,
        },
      );
      carers.add({ carer_id: data.carerId }, { invitation_count: 1 });
      batch.to(carerInvitationsTable).upsert(
        { carer_id: data.carerId, invitation_id: data.invitationId },
        {
          project_id: data.projectId,
          invitation_number: data.invitationNumber,
          channel: data.channel,
          invited_by_organisation_id: data.invitedByOrganisationId,
          referred_by_carer_id: data.referredByCarerId,
          invited_at: occurredAt.toISOString(),
          status: 'open',
        },
      );
    },
    CarerInvitationAccepted: ({ data, occurredAt }, batch) => {
      batch
        .to(carersTable)
        .patch(
          { carer_id: data.carerId },
          { participation_status: 'accepted', accepted_at: occurredAt.toISOString(), accepted_channel: data.channel },
        );
      batch
        .to(carerInvitationsTable)
        .patch(
          { carer_id: data.carerId, invitation_id: data.invitationId },
          { status: 'accepted', answered_at: occurredAt.toISOString() },
        );
    },
    CarerInvitationDeclined: ({ data, occurredAt }, batch) => {
      batch.to(carersTable).patch(
        { carer_id: data.carerId },
        {
          participation_status: 'declined',
          last_declined_at: occurredAt.toISOString(),
          last_decline_reason: data.reason,
        },
      );
      batch
        .to(carerInvitationsTable)
        .patch(
          { carer_id: data.carerId, invitation_id: data.invitationId },
          { status: 'declined', answered_at: occurredAt.toISOString(), decline_reason: data.reason },
        );
    },
    CarerWithdrewFromProject: ({ data, occurredAt }, batch) =>
      batch
        .to(carersTable)
        .patch(
          { carer_id: data.carerId },
          { participation_status: 'withdrawn', withdrawn_at: occurredAt.toISOString(), withdrawal_reason: data.reason },
        ),
  }),
};
