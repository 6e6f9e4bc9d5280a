import type { SqlExecutor } from '#database';
import type { EncryptedPersonalData } from '#domain';
import { carerInvitationsTable, carersTable } from './carers.area.js';
import { conditions, equals } from './directory-filters.js';
import { type DirectoryList, lookup } from './directory-query.js';

/** Carers' columns without the personal-data envelope: only whether one is held leaves the database. */
const CARER_COLUMNS = `t.carer_id, t.project_id, t.pseudonym, t.registered_by_organisation_id, t.registered_at,
  t.gender, t.age_band, t.weekly_care_hours, t.stress_level, t.area, t.relationship,
  t.participation_status, t.invitation_count, t.last_invited_at, t.last_invitation_channel, t.referred_by_carer_id,
  t.accepted_at, t.accepted_channel, t.last_declined_at, t.last_decline_reason, t.withdrawn_at, t.withdrawal_reason,
  t.consent_participation, t.consent_audio_recording, t.consent_data_processing,
  t.erased, t.erased_at, (t.personal_data is not null) as has_personal_data`;

export interface CarerFilter {
  readonly status?: string | null;
  /** A village or valley zone, exactly as registered. */
  readonly area?: string | null;
  readonly gender?: string | null;
  readonly ageBand?: string | null;
  readonly stressLevel?: string | null;
  readonly relationship?: string | null;
  readonly erased?: boolean | null;
}

/** A project's carers, by pseudonym; never their personal data. */
export const carersList: DirectoryList<CarerFilter | null> = {
  name: 'carers',
  from: `${carersTable.name} t`,
  columns: CARER_COLUMNS,
  parent: 'project_id',
  order: [
    { column: 'pseudonym', type: 'text' },
    { column: 'carer_id', type: 'text' },
  ],
  where: (filter, params) =>
    conditions(filter, params, {
      status: equals('participation_status'),
      area: equals('area'),
      gender: equals('gender'),
      ageBand: equals('age_band'),
      stressLevel: equals('stress_level'),
      relationship: equals('relationship'),
      erased: equals('erased', 'boolean'),
    }),
};

/** A carer by id, without the personal-data envelope. */
export const carerById = lookup(`${carersTable.name} t`, ['carer_id'], 't.carer_id', CARER_COLUMNS);

/** Every invitation of a carer, oldest first. */
export const invitationsOfCarer = lookup(`${carerInvitationsTable.name} t`, ['carer_id'], 't.invitation_number');

/**
 * The encrypted envelope of a carer's personal data, or null (none held, erased, or no such carer).
 * Read one carer at a time, and only for a caller allowed to identify them.
 */
export async function encryptedPersonalDataOf(
  sql: SqlExecutor,
  carerId: string,
): Promise<EncryptedPersonalData | null> {
  const [row] = await sql.query<{ personal_data: EncryptedPersonalData | null }>(
    `select personal_data from ${carersTable.name} where carer_id = $1`,
    [carerId],
  );
  return row?.personal_data ?? null;
}
