import type { Migration } from '#database';

export const projectionMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection runs and dead letters',
    sql: `
      -- One row per generation of a projection: the live one serves queries, a building one
      -- is a rebuild in progress, retired ones are history.
      create table projection_runs (
        projection text not null,
        generation integer not null,
        version integer not null,
        status text not null check (status in ('live', 'building', 'retired')),
        checkpoint_commit numeric(20, 0) not null default 0,
        checkpoint_prepare numeric(20, 0) not null default 0,
        paused boolean not null default false,
        failed_event_id uuid,
        failed_event_type text,
        failed_stream_id text,
        failed_commit numeric(20, 0),
        failed_prepare numeric(20, 0),
        failed_error text,
        failed_at timestamptz,
        events_processed bigint not null default 0,
        events_per_second real not null default 0,
        caught_up boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (projection, generation)
      );
      create unique index projection_runs_one_live on projection_runs (projection) where status = 'live';
      create unique index projection_runs_one_building on projection_runs (projection) where status = 'building';

      create table projection_dead_letters (
        id bigint generated always as identity primary key,
        projection text not null,
        generation integer not null,
        event_id uuid not null,
        event_type text not null,
        stream_id text not null,
        commit_position numeric(20, 0) not null,
        prepare_position numeric(20, 0) not null,
        error text not null,
        skipped_by text not null,
        skipped_at timestamptz not null default now()
      );
    `,
  },
];
