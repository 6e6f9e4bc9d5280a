import type { DirectoryRow } from '#read-models/directory';
import { bool, date, dateOrNull, int, intOrNull, text, textOrNull } from '../read-side/row-values.js';
import type { Carer, CarerInvitation } from './carer.models.js';

/** Never reads the personal-data envelope: rows come from a select that only says whether one is held. */
export const toCarer = (row: DirectoryRow): Carer => ({
  id: text(row.carer_id),
  projectId: text(row.project_id),
  pseudonym: text(row.pseudonym),
  registeredByOrganisationId: text(row.registered_by_organisation_id),
  registeredAt: date(row.registered_at),
  gender: text(row.gender),
  ageBand: text(row.age_band),
  weeklyCareHours: intOrNull(row.weekly_care_hours),
  stressLevel: text(row.stress_level),
  area: textOrNull(row.area),
  relationship: text(row.relationship),
  participationStatus: text(row.participation_status),
  invitationCount: int(row.invitation_count),
  lastInvitedAt: dateOrNull(row.last_invited_at),
  lastInvitationChannel: textOrNull(row.last_invitation_channel),
  referredByCarerId: textOrNull(row.referred_by_carer_id),
  acceptedAt: dateOrNull(row.accepted_at),
  acceptedChannel: textOrNull(row.accepted_channel),
  lastDeclinedAt: dateOrNull(row.last_declined_at),
  lastDeclineReason: textOrNull(row.last_decline_reason),
  withdrawnAt: dateOrNull(row.withdrawn_at),
  withdrawalReason: textOrNull(row.withdrawal_reason),
  consents: {
    participation: text(row.consent_participation),
    audioRecording: text(row.consent_audio_recording),
    dataProcessing: text(row.consent_data_processing),
  },
  hasPersonalData: bool(row.has_personal_data),
  erased: bool(row.erased),
  erasedAt: dateOrNull(row.erased_at),
});

export const toCarerInvitation = (row: DirectoryRow): CarerInvitation => ({
  invitationId: text(row.invitation_id),
  carerId: text(row.carer_id),
  invitationNumber: int(row.invitation_number),
  channel: text(row.channel),
  invitedByOrganisationId: text(row.invited_by_organisation_id),
  referredByCarerId: textOrNull(row.referred_by_carer_id),
  invitedAt: date(row.invited_at),
  status: text(row.status),
  answeredAt: dateOrNull(row.answered_at),
  declineReason: textOrNull(row.decline_reason),
});
