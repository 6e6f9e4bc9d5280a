import type { Projection } from '#projections';
import { FACT_KEY_COLUMNS, factRowsWriter, scopeVersionsTable, writeScopeVersions } from '../shared/index.js';
import { reportFactHandlers, reportFactOf, type ReportFact } from './report-facts.js';

export const REPORT_FACTS_TABLE = 'rm_report_facts';
export const REPORT_VERSIONS_TABLE = 'rm_report_versions';

const writeFacts = factRowsWriter<ReportFact>({
  project_id: 'text',
  kind: 'text',
  subject_id: 'text',
  category: 'text',
  detail: 'text',
  period_start: 'timestamptz',
  period_end: 'timestamptz',
  likes: 'double precision',
  visits: 'double precision',
  downloads: 'double precision',
  shares: 'double precision',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
});

/**
 * Time-indexed facts the assessment report reads beside the signal facts: committee goals,
 * information channels, readings, new patients informed, survey instruments. Append-only, one row
 * per event keyed by its id (a replayed batch writes nothing twice); the report is computed from
 * these rows at query time, so any window, `asOf` and `knownAt` work. See report-facts.ts.
 */
export const reportFactsProjection: Projection = {
  name: 'report-facts',
  // 3: readings' kind (category) and new patients checked.
  version: 3,
  eventTypes: reportFactHandlers.eventTypes,
  tables: [
    {
      name: REPORT_FACTS_TABLE,
      create: (table) => `
        create table ${table} (
          ${FACT_KEY_COLUMNS},
          project_id text,
          kind text not null,
          subject_id text not null,
          category text,
          detail text,
          period_start timestamptz,
          period_end timestamptz,
          likes double precision,
          visits double precision,
          downloads double precision,
          shares double precision,
          occurred_at timestamptz not null,
          recorded_at timestamptz not null
        );`,
      indexes: (table) => `
        create index if not exists ${table}_project on ${table} (project_id, kind, occurred_at);
        create index if not exists ${table}_subject on ${table} (kind, subject_id);`,
    },
    // Each project's version: the assessment report keeps answers while it (and the signal facts') stays.
    scopeVersionsTable(REPORT_VERSIONS_TABLE),
  ],
  async apply(events, { tx, table }) {
    const rows: ReportFact[] = [];
    for (const event of events) {
      const fact = reportFactOf(event);
      if (fact) rows.push(fact);
    }
    if (rows.length === 0) return;
    await writeFacts(tx, table(REPORT_FACTS_TABLE), rows);
    await writeScopeVersions(tx, table(REPORT_VERSIONS_TABLE), rows);
  },
};
