import { activitiesList, decisionsList } from '#read-models/directory';
import { toActivity } from '../activity/activity.mappers.js';
import { toDecision } from '../decision/decision.mappers.js';
import { inColumns, iso, type Column, type ExportContext, type Row } from './dataset.js';
import { ASSESSMENT_REPORT_COLUMNS, assessmentReportOf, assessmentReportRows } from './datasets/assessment-report.js';
import { SIGNAL_SERIES_COLUMNS, signalSeriesOf, signalSeriesRows } from './datasets/signal-series.js';
import { csvText } from './formats/table-formats.js';

/** A file of the open-data bundle: a CSV of aggregates, described column by column in its README. */
export interface OpenDataFile {
  readonly name: string;
  readonly about: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export const ACTIVITY_COUNT_COLUMNS: readonly Column[] = [
  { name: 'month', description: 'The calendar month the activities were scheduled for (YYYY-MM, UTC).' },
  { name: 'kind', description: 'The kind of activity.' },
  { name: 'scheduled', description: 'Activities of that kind scheduled for the month, whatever became of them.' },
  { name: 'held', description: 'Of those, held.' },
  { name: 'cancelled', description: 'Of those, cancelled.' },
];

export const DECISION_COUNT_COLUMNS: readonly Column[] = [
  { name: 'month', description: 'The calendar month the decisions were taken in (YYYY-MM, UTC).' },
  { name: 'decisions', description: 'Decisions taken.' },
  { name: 'affecting_carers', description: 'Of those, decisions that affect carers.' },
  { name: 'carers_consulted', description: 'Of those affecting carers, decisions taken after consulting carers.' },
];

const month = (date: Date) => date.toISOString().slice(0, 7);

/**
 * Counts of what the partners did, per month: activities by kind and decisions. None is derived
 * from carers' own facts (who attended, answered or contested is in the report and the signals,
 * suppressed and rounded), so they are exact; records are counted as they stand at export time.
 */
async function recordCounts(context: ExportContext): Promise<{ activities: Row[]; decisions: Row[] }> {
  const { scope, sources } = context;
  if (!('projectId' in scope)) return { activities: [], decisions: [] };
  const activities = new Map<
    string,
    { month: string; kind: string; scheduled: number; held: number; cancelled: number }
  >();
  for await (const { nodes } of sources.pages(activitiesList, toActivity, scope.projectId, null)) {
    for (const activity of nodes) {
      const key = `${month(activity.scheduledFor)} ${activity.kind}`;
      const line = activities.get(key) ?? {
        month: month(activity.scheduledFor),
        kind: activity.kind,
        scheduled: 0,
        held: 0,
        cancelled: 0,
      };
      line.scheduled += 1;
      if (activity.status === 'held') line.held += 1;
      if (activity.status === 'cancelled') line.cancelled += 1;
      activities.set(key, line);
    }
  }
  const decisions = new Map<
    string,
    { month: string; decisions: number; affecting_carers: number; carers_consulted: number }
  >();
  for await (const { nodes } of sources.pages(decisionsList, toDecision, scope.projectId, null)) {
    for (const decision of nodes) {
      const key = month(decision.takenAt);
      const line = decisions.get(key) ?? { month: key, decisions: 0, affecting_carers: 0, carers_consulted: 0 };
      line.decisions += 1;
      if (decision.affectsCarers) {
        line.affecting_carers += 1;
        if (decision.carersConsulted) line.carers_consulted += 1;
      }
      decisions.set(key, line);
    }
  }
  const sorted = <T extends { month: string }>(lines: Map<string, T>) =>
    [...lines.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, line]) => line);
  return {
    activities: sorted(activities).map((line) => inColumns(ACTIVITY_COUNT_COLUMNS, line)),
    decisions: sorted(decisions).map((line) => inColumns(DECISION_COUNT_COLUMNS, line)),
  };
}

/**
 * The open-data bundle: aggregates only, never a row per person. The signals and the report are
 * computed as for the roles the disclosure control protects, whoever asks (a provider's own view
 * is exact, but a published file is read by everyone): small groups withheld, the rest rounded.
 */
export async function openDataFiles(context: ExportContext): Promise<OpenDataFile[]> {
  const series = await signalSeriesOf(context, true);
  const report = await assessmentReportOf(context, true);
  const counts = await recordCounts(context);
  return [
    {
      name: 'signal-series.csv',
      about: `The four signals per ${series.granularity === 'QUARTER' ? 'quarter' : 'month'} from ${iso(series.from)} to ${iso(series.to)} (framework ${series.framework.id} version ${series.framework.version}), one row per period, signal and indicator.`,
      columns: SIGNAL_SERIES_COLUMNS,
      rows: [...signalSeriesRows(series)],
    },
    {
      name: 'assessment-report.csv',
      about: 'The assessment report, one row per figure, each beside its target.',
      columns: ASSESSMENT_REPORT_COLUMNS,
      rows: [...assessmentReportRows(report)],
    },
    {
      name: 'activity-counts.csv',
      about: 'Activities per month and kind, as recorded at export time.',
      columns: ACTIVITY_COUNT_COLUMNS,
      rows: counts.activities,
    },
    {
      name: 'decision-counts.csv',
      about: 'Decisions per month, as recorded at export time.',
      columns: DECISION_COUNT_COLUMNS,
      rows: counts.decisions,
    },
  ];
}

/** README.md of the bundle: what it is, how it was protected, and every column of every file. */
export function openDataReadme(context: ExportContext, files: readonly OpenDataFile[], exportedAt: Date): string {
  const scope =
    'projectId' in context.scope ? `project ${context.scope.projectId}` : `territory ${context.scope.territoryId}`;
  const lines = [
    `# Open data: ${scope}`,
    '',
    `Exported ${exportedAt.toISOString()} by the co-production platform.`,
    `Time travel: asOf ${iso(context.args.asOf) ?? 'now'} (facts that occurred by then), knownAt ${iso(context.args.knownAt) ?? 'now'} (facts recorded by then); they apply to the signals and the report.`,
    '',
    '## What is in it, and how it was protected',
    '',
    'Aggregates only: no file has a row per person, and no carer is named or identified.',
    `- Figures computed over fewer than ${context.sources.smallGroupMinCarers} carers are withheld (empty, with \`suppressed\` true).`,
    '- The remaining carer-derived figures are rounded (counts to the nearest multiple of 5, sums of scores to whole numbers), and values recomputed from the rounded figures, so that two bundles cannot be subtracted to single a carer out. Rounded lines need not add up to their rounded total.',
    '- Counts of activities and decisions are not derived from carers and are exact.',
    '',
    'CSV: UTF-8, comma-separated, a header line, RFC 4180 quoting; empty field = no value; booleans are true/false; dates ISO 8601 in UTC.',
    '',
  ];
  for (const file of files) {
    lines.push(`## ${file.name}`, '', file.about, '', '| column | description |', '| --- | --- |');
    for (const column of file.columns)
      lines.push(`| \`${column.name}\` | ${column.description.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export { csvText };
