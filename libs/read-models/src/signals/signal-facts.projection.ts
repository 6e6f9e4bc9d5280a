import type { Projection } from '#projections';
import type { SignalFact } from './fact-kinds.js';
import { FACT_KEY_COLUMNS, factRowsWriter, scopeVersionsTable, writeScopeVersions } from '../shared/index.js';
import { factColumnsOf, factFrom, SIGNAL_FACT_EVENT_TYPES, territoryProjectOf } from './facts.js';

export const SIGNAL_FACTS_TABLE = 'rm_signal_facts';
export const SIGNAL_PROJECTS_TABLE = 'rm_signal_projects';
export const SIGNAL_VERSIONS_TABLE = 'rm_signal_versions';

const writeFacts = factRowsWriter<SignalFact>({
  project_id: 'text',
  territory_id: 'text',
  kind: 'text',
  subject_id: 'text',
  carer_id: 'text',
  activity_id: 'text',
  organisation_id: 'text',
  category: 'text',
  detail: 'text',
  flag: 'boolean',
  amount: 'double precision',
  total: 'double precision',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
  data: 'jsonb',
});

/**
 * Time-indexed facts behind the signals, the assessment report and time travel: one row per
 * relevant event, append-only and keyed by event id (a replayed batch writes nothing twice).
 * Signals are computed from these rows at query time, so any window, `asOf` and `knownAt` work.
 * See facts.ts for what each kind holds, docs/signals.md for how signals read them.
 */
export const signalFactsProjection: Projection = {
  name: 'signal-facts',
  // 4: survey instruments (who answers them) and responses to them outside activities.
  version: 4,
  eventTypes: SIGNAL_FACT_EVENT_TYPES,
  tables: [
    {
      name: SIGNAL_FACTS_TABLE,
      create: (table) => `
        create table ${table} (
          ${FACT_KEY_COLUMNS},
          project_id text,
          territory_id text,
          kind text not null,
          subject_id text not null,
          carer_id text,
          activity_id text,
          organisation_id text,
          category text,
          detail text,
          flag boolean,
          amount double precision,
          total double precision,
          occurred_at timestamptz not null,
          recorded_at timestamptz not null,
          data jsonb not null default '{}'
        );`,
      indexes: (table) => `
        create index if not exists ${table}_project on ${table} (project_id, kind, occurred_at);
        create index if not exists ${table}_territory on ${table} (territory_id, kind, occurred_at);`,
    },
    {
      // Which territory each project belongs to, so every fact can carry it.
      name: SIGNAL_PROJECTS_TABLE,
      create: (table) => `create table ${table} (project_id text primary key, territory_id text not null)`,
    },
    // Each project's and territory's version: SignalResultCache keeps answers while it stays.
    scopeVersionsTable(SIGNAL_VERSIONS_TABLE),
  ],
  async apply(events, { tx, table }) {
    const facts = table(SIGNAL_FACTS_TABLE);
    const projects = table(SIGNAL_PROJECTS_TABLE);

    const mapped = events.flatMap((event) => {
      const columns = factColumnsOf(event);
      return columns ? [{ event, columns }] : [];
    });

    // Territories of the projects this batch touches, as known before the batch (one query)...
    const referenced = new Set<string>();
    for (const { event, columns } of mapped) {
      const projectId = territoryProjectOf(event, columns);
      if (projectId !== null) referenced.add(projectId);
    }
    const territories = new Map<string, string>();
    if (referenced.size > 0) {
      const rows = await tx.query<{ project_id: string; territory_id: string }>(
        `select project_id, territory_id from ${projects} where project_id = any($1::text[])`,
        [[...referenced]],
      );
      for (const row of rows) territories.set(row.project_id, row.territory_id);
    }

    // ...then in log order, so a launch earlier in the batch serves the events after it, exactly
    // as if the events were applied one by one.
    const rows: SignalFact[] = [];
    const launched: Array<{ project_id: string; territory_id: string }> = [];
    for (const { event, columns } of mapped) {
      const fact = factFrom(event, columns, (projectId) => territories.get(projectId) ?? null);
      rows.push(fact);
      if (fact.kind === 'project_launched' && fact.project_id && fact.territory_id) {
        if (!territories.has(fact.project_id))
          launched.push({ project_id: fact.project_id, territory_id: fact.territory_id });
        territories.set(fact.project_id, fact.territory_id);
      }
    }

    if (launched.length > 0) {
      await tx.query(
        `insert into ${projects} (project_id, territory_id)
         select project_id, territory_id from jsonb_to_recordset($1::jsonb) as r(project_id text, territory_id text)
         on conflict (project_id) do nothing`,
        [JSON.stringify(launched)],
      );
    }
    if (rows.length > 0) {
      await writeFacts(tx, facts, rows);
      await writeScopeVersions(tx, table(SIGNAL_VERSIONS_TABLE), rows);
    }
  },
};
