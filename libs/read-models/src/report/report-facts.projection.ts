import type { Projection } from '#projections';
import { reportFactHandlers, reportFactOf, type ReportFact } from './report-facts.js';

export const REPORT_FACTS_TABLE = 'rm_report_facts';

const COLUMNS = `event_id uuid, pos_commit numeric, pos_prepare numeric, project_id text, kind text, subject_id text,
  category text, detail text, period_start timestamptz, period_end timestamptz, likes double precision,
  visits double precision, downloads double precision, shares double precision, occurred_at timestamptz,
  recorded_at timestamptz`;
const NAMES =
  'event_id, pos_commit, pos_prepare, project_id, kind, subject_id, category, detail, period_start, period_end, likes, visits, downloads, shares, occurred_at, recorded_at';

/**
 * Time-indexed facts the assessment report reads beside the signal facts: committee goals,
 * information channels, readings, new patients informed, survey instruments. Append-only, one row
 * per event keyed by its id (a replayed batch writes nothing twice); the report is computed from
 * these rows at query time, so any window, `asOf` and `knownAt` work. See report-facts.ts.
 */
export const reportFactsProjection: Projection = {
  name: 'report-facts',
  version: 1,
  eventTypes: reportFactHandlers.eventTypes,
  tables: [
    {
      name: REPORT_FACTS_TABLE,
      create: (table) => `
        create table ${table} (
          event_id uuid primary key,
          pos_commit numeric(20, 0) not null,
          pos_prepare numeric(20, 0) not null,
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
  ],
  async apply(events, { tx, table }) {
    const rows: ReportFact[] = [];
    for (const event of events) {
      const fact = reportFactOf(event);
      if (fact) rows.push(fact);
    }
    if (rows.length === 0) return;
    await tx.query(
      `insert into ${table(REPORT_FACTS_TABLE)} (${NAMES})
       select ${NAMES} from json_to_recordset($1::json) as r(${COLUMNS})
       on conflict (event_id) do nothing`,
      [JSON.stringify(rows)],
    );
  },
};
