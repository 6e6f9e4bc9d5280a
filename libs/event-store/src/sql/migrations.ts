import type { Migration } from '#database';

/**
 * `es_append` as versions 2 and 3 create it, word for word: version 3 only puts `firstStatements`
 * (taking the append lock) before the rest of the body. A released migration's text never changes:
 * migrations.spec.ts pins each one's digest.
 */
function esAppendFunction(firstStatements = ''): string {
  return `      create or replace function es_append(p_stream_id text, p_expected text, p_events jsonb)
      returns table (first_revision text, last_revision text, commit_position text, prepare_position text)
      language plpgsql as $fn$
      declare
        v_count integer := jsonb_array_length(p_events);
        v_current bigint;
        v_ids uuid[];
        v_stored uuid[];
        v_min bigint;
        v_max bigint;
        v_position bigint;
      begin
${firstStatements}        update es_streams set revision = revision + v_count
          where stream_id = p_stream_id
          returning revision - v_count into v_current;
        if not found then
          insert into es_streams (stream_id, revision) values (p_stream_id, v_count - 1)
            on conflict do nothing;
          if found then
            v_current := -1;
          else
            -- created by a concurrent append that has committed since
            update es_streams set revision = revision + v_count
              where stream_id = p_stream_id
              returning revision - v_count into v_current;
          end if;
        end if;

        if exists (select 1 from es_events where event_id = (p_events -> 0 ->> 'id')::uuid) then
          select array_agg((e ->> 'id')::uuid order by ord) into v_ids
            from jsonb_array_elements(p_events) with ordinality as t(e, ord);
          select array_agg(event_id order by revision), min(revision), max(revision)
            into v_stored, v_min, v_max
            from es_events where stream_id = p_stream_id and event_id = any(v_ids);
          if v_stored is distinct from v_ids or v_max - v_min <> v_count - 1 then
            raise exception using errcode = 'ES002', message = 'event ids already used by other events',
              detail = p_stream_id;
          end if;
          -- a retry of an append that succeeded: give back its result, write nothing
          update es_streams set revision = v_current where stream_id = p_stream_id;
          return query
            select v_min::text, v_max::text, e.transaction_id::text, e.position::text
            from es_events e where e.stream_id = p_stream_id and e.revision = v_max;
          return;
        end if;

        if (p_expected = 'no_stream' and v_current <> -1)
          or (p_expected = 'exists' and v_current = -1)
          or (p_expected not in ('no_stream', 'exists', 'any') and v_current <> p_expected::bigint) then
          raise exception using errcode = 'ES001', message = 'wrong expected revision',
            detail = v_current::text;
        end if;

        with inserted as (
          insert into es_events (event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at)
          select (e ->> 'id')::uuid, p_stream_id, v_current + t.ord, e ->> 'type',
                 (e ->> 'schemaVersion')::integer, e -> 'data', e -> 'metadata', (e ->> 'occurredAt')::timestamptz
          from jsonb_array_elements(p_events) with ordinality as t(e, ord)
          order by t.ord
          returning position
        )
        select max(position) into v_position from inserted;

        return query select (v_current + 1)::text, (v_current + v_count)::text,
          pg_current_xact_id()::text, v_position::text;
      end;
      $fn$;`;
}

/** What version 3 runs first in es_append: the shared append lock, before the transaction has an xid. */
const TAKE_APPEND_LOCK = `        -- Readers' horizon is the oldest appending transaction (see es_log_horizon): the lock must
        -- be held before this transaction has an xid, or an xid taken earlier would go unseen.
        if current_setting('es.appending', true) is distinct from 'on' then
          if pg_current_xact_id_if_assigned() is not null then
            raise exception using errcode = 'ES003',
              message = 'es_append must be the first write of its transaction';
          end if;
          perform pg_advisory_xact_lock_shared(es_append_lock_class(), es_append_lock_object());
          perform set_config('es.appending', 'on', true);
        end if;
`;

/**
 * The event store schema, identical on PostgreSQL and PGlite.
 *
 * Global order is (transaction_id, position): `position` comes from a sequence and is handed
 * out before commit, so a lower position can become visible after a higher one. Readers only
 * read rows whose transaction id lies below the oldest *appending* transaction still running
 * (es_log_horizon, from version 3; before it, the oldest transaction of the whole server), where
 * no new row can ever appear, and page by the pair. Other transactions, of this platform or of
 * other applications on the same server, never hold the log back.
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events and streams',
    sql: `
      create table es_streams (
        stream_id text primary key,
        revision bigint not null,
        created_at timestamptz not null default now()
      );

      create table es_events (
        position bigint generated always as identity,
        transaction_id xid8 not null default pg_current_xact_id(),
        event_id uuid not null,
        stream_id text not null,
        revision bigint not null,
        type text not null,
        schema_version integer not null,
        data jsonb not null,
        metadata jsonb not null,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default now(),
        primary key (transaction_id, position)
      );

      create unique index es_events_stream_revision on es_events (stream_id, revision);
      create unique index es_events_event_id on es_events (event_id);
    `,
  },
  {
    version: 2,
    name: 'append function',
    sql: `
      -- One round trip per append: lock or create the stream row, detect an idempotent retry,
      -- check the expected revision, insert every event. Any exception rolls the whole call back,
      -- so a failed append writes nothing. It does not NOTIFY: a notifying transaction holds a
      -- database-wide lock through its commit flush, which serialises concurrent writers
      -- (measured: 16 writers no faster than 1). The store notifies after commit instead.
${esAppendFunction()}
    `,
  },
  {
    version: 3,
    name: 'appends announce themselves; readers wait only for them',
    sql: `
      -- The key of the shared advisory lock every append holds until it commits: one class for
      -- the platform, one object per schema (two deployments in one database do not wait on each other).
      create or replace function es_append_lock_class() returns integer
        language sql immutable as $$ select hashtext('coproduction.es_append') & 2147483647 $$;
      create or replace function es_append_lock_object() returns integer
        language sql stable as $$ select hashtext(current_schema()) & 2147483647 $$;

      -- The appending transactions in flight: xid (32-bit, as the server shows it), backend, start.
      -- The xid is the backend's own (pg_stat_activity reads it where snapshots do), not its
      -- transactionid lock, which is taken a moment after the xid and would leave a gap.
      create or replace view es_appends_in_flight as
        select s.backend_xid::text::bigint as xid32, s.pid, s.xact_start
        from pg_stat_activity s
        where s.backend_xid is not null
          and s.pid in (
            select l.pid from pg_locks l
            where l.locktype = 'advisory' and l.granted and l.objsubid = 2
              and l.classid = es_append_lock_class()::oid and l.objid = es_append_lock_object()::oid
              and l.database = (select oid from pg_database where datname = current_database()));

      -- Below this transaction id no event can appear any more: the oldest append in flight, else
      -- the next transaction id. Read it, then read events below it in a later statement: an
      -- append that was in flight here has committed by then, or holds the horizon below itself.
      create or replace function es_log_horizon() returns xid8
        language sql volatile as $$
          select coalesce(
            (select min(x) from pg_snapshot_xip(pg_current_snapshot()) x
              where (x::text::numeric % 4294967296)::bigint in (select xid32 from es_appends_in_flight)),
            pg_snapshot_xmax(pg_current_snapshot()))
        $$;

${esAppendFunction(TAKE_APPEND_LOCK)}
    `,
  },
];
