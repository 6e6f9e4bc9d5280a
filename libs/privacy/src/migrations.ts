import type { Migration } from '#database';

/**
 * Carers' keys live in the operational (read-model) database, never in the event log: the log is
 * append-only and replicated, so a key stored there could never be destroyed. Erasing a carer
 * sets `key` to null and keeps who erased it, when and why, as the record of the erasure.
 */
export const privacyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'carer keys',
    sql: `
      create table carer_keys (
        carer_id text primary key,
        key_id text not null,
        key bytea null,
        created_at timestamptz not null default now(),
        erased_at timestamptz null,
        erased_by text null,
        erasure_reason text null,
        -- A live key is exactly 256 bits; an erased row has no key and a full erasure record.
        constraint carer_keys_key_length check (key is null or octet_length(key) = 32),
        constraint carer_keys_erased_or_keyed check (
          (key is not null and erased_at is null and erased_by is null and erasure_reason is null)
          or (key is null and erased_at is not null and erased_by is not null and erasure_reason is not null)
        )
      );
    `,
  },
];
