import type { ActivityFigures, AssessmentReport, ReportScore, ReportTarget } from '#read-models/report';
import { assessmentReportFor, restrictedAssessmentReport } from '../../auth/disclosure.js';
import { requireQueryTimes } from '../../time-travel/query-times.js';
import { inColumns, iso, type Cell, type Column, type ExportContext, type Row, type TableDataset } from '../dataset.js';

export const ASSESSMENT_REPORT_COLUMNS: readonly Column[] = [
  { name: 'project_id', description: 'The project.' },
  { name: 'window_from', description: 'Start of the report window (inclusive); the whole project by default.' },
  { name: 'window_to', description: 'End of the report window (exclusive).' },
  { name: 'as_of', description: 'Only facts that occurred at or before this moment; empty: now.' },
  { name: 'known_at', description: 'Only facts recorded at or before this moment; empty: now.' },
  {
    name: 'section',
    description:
      'activities (one line per activity kind, and all), understanding, satisfaction, goals, goal, channels, new_patients or reach.',
  },
  { name: 'line', description: 'The line of the section: an activity kind, a goal or channel id, or all.' },
  { name: 'figure', description: 'The figure of the line, named as in the GraphQL AssessmentReport type.' },
  {
    name: 'value',
    description: 'The figure (rounded for roles under the disclosure control); empty when withheld or not measured.',
  },
  {
    name: 'measured',
    description: 'For channel counters and new patients: whether anything was recorded to measure it.',
  },
  {
    name: 'carer_count',
    description: 'Distinct carers behind the line (rounded likewise); empty when not carer-derived or withheld.',
  },
  { name: 'suppressed', description: 'true when small-group suppression withheld the figure.' },
  { name: 'target', description: 'The target the figure is judged against, in words.' },
  { name: 'target_value', description: 'The target value.' },
  { name: 'target_met', description: 'true or false when measured; empty when there is nothing to judge.' },
  { name: 'target_outcome', description: 'met, missed, not_measured, not_due or withheld.' },
];

/** The report exactly as `assessmentReport` answers it to this caller (or, for open data, to a restricted role). */
export async function assessmentReportOf(context: ExportContext, restricted = false): Promise<AssessmentReport> {
  const { args, scope, sources } = context;
  if (!('projectId' in scope)) throw new Error('the assessment report is of a project');
  const window = args.from && args.to ? { from: args.from, to: args.to } : null;
  requireQueryTimes({ asOf: args.asOf, knownAt: args.knownAt, window });
  const report = await sources.report.report({
    projectId: scope.projectId,
    window,
    asOf: args.asOf,
    knownAt: args.knownAt,
  });
  const min = sources.smallGroupMinCarers;
  return restricted ? restrictedAssessmentReport(report, min) : assessmentReportFor(context.actor, report, min);
}

interface Figure {
  readonly section: string;
  readonly line: string;
  readonly figure: string;
  readonly value: Cell;
  readonly measured?: boolean | null;
  readonly carerCount?: number | null;
  readonly suppressed?: boolean;
  readonly target?: ReportTarget | null;
}

function* activityFigures(line: string, figures: ActivityFigures, target: ReportTarget | null): Generator<Figure> {
  const shared = { section: 'activities', line, carerCount: figures.carerCount, suppressed: figures.suppressed };
  yield { ...shared, figure: 'held', value: figures.held, target, carerCount: null, suppressed: false };
  yield { ...shared, figure: 'cancelled', value: figures.cancelled, carerCount: null, suppressed: false };
  yield { ...shared, figure: 'attendances', value: figures.attendances };
  yield { ...shared, figure: 'averageAttendees', value: figures.averageAttendees };
  yield { ...shared, figure: 'distinctAttendees', value: figures.distinctAttendees };
  for (const [section, score] of [
    ['understanding', figures.understanding],
    ['satisfaction', figures.satisfaction],
  ] as const) {
    yield* scoreFigures(section, line, score);
  }
}

function* scoreFigures(section: string, line: string, score: ReportScore): Generator<Figure> {
  const shared = { section, line, carerCount: score.carerCount, suppressed: score.suppressed };
  yield { ...shared, figure: 'average', value: score.average, target: score.target };
  yield { ...shared, figure: 'answered', value: score.answered };
}

/** Every figure of the report, section by section, each with the target it is judged against. */
export function* reportFigures(report: AssessmentReport): Generator<Figure> {
  for (const line of report.activities) yield* activityFigures(line.kind, line, line.target);
  yield* activityFigures('all', report.overall, null);
  const goals = report.goals;
  for (const figure of ['total', 'reached', 'partiallyReached', 'unfulfilled', 'notAssessed'] as const)
    yield { section: 'goals', line: 'all', figure, value: goals[figure] };
  yield {
    section: 'goals',
    line: 'all',
    figure: 'selfOrganisingSince',
    value: iso(goals.selfOrganisingSince),
    target: goals.selfOrganising,
  };
  for (const goal of goals.goals) {
    yield { section: 'goal', line: goal.goalId, figure: 'outcome', value: goal.outcome ?? 'not_assessed' };
    yield { section: 'goal', line: goal.goalId, figure: 'assessedAt', value: iso(goal.assessedAt) };
  }
  for (const channel of [...report.channels, { ...report.channelTotals, channelId: 'all' }]) {
    yield { section: 'channels', line: channel.channelId, figure: 'readings', value: channel.readings };
    for (const counter of ['likes', 'visits', 'downloads', 'shares'] as const)
      yield {
        section: 'channels',
        line: channel.channelId,
        figure: counter,
        value: channel[counter],
        measured: channel.measured[counter],
      };
  }
  yield {
    section: 'new_patients',
    line: 'all',
    figure: 'informed',
    value: report.newPatientsInformedMeasured ? report.newPatientsInformed : null,
    measured: report.newPatientsInformedMeasured,
  };
  const reach = report.reach;
  const shared = { section: 'reach', line: 'all', carerCount: reach.carerCount, suppressed: reach.suppressed };
  yield { ...shared, figure: 'distinctCarers', value: reach.distinctCarers };
  yield { ...shared, figure: 'eligible', value: reach.eligible, carerCount: null, suppressed: false };
  yield {
    ...shared,
    figure: 'share',
    value: reach.share,
    target:
      reach.target === null
        ? null
        : {
            description: `Reach share of at least ${reach.target} (${reach.targetCarers ?? '?'} carers)`,
            value: reach.target,
            met: reach.met,
            outcome: reach.outcome ?? 'not_measured',
          },
  };
}

export function* assessmentReportRows(report: AssessmentReport): Generator<Row> {
  for (const figure of reportFigures(report)) {
    yield inColumns(ASSESSMENT_REPORT_COLUMNS, {
      project_id: report.projectId,
      window_from: iso(report.window?.from),
      window_to: iso(report.window?.to),
      as_of: iso(report.asOf),
      known_at: iso(report.knownAt),
      section: figure.section,
      line: figure.line,
      figure: figure.figure,
      value: figure.value,
      measured: figure.measured ?? null,
      carer_count: figure.carerCount ?? null,
      suppressed: figure.suppressed ?? false,
      target: figure.target?.description ?? null,
      target_value: figure.target?.value ?? null,
      target_met: figure.target?.met ?? null,
      target_outcome: figure.target?.outcome ?? null,
    });
  }
}

export const assessmentReportDataset: TableDataset = {
  name: 'assessment-report',
  title: 'The assessment report, one row per figure with its target check',
  operation: 'assessmentReport',
  scopes: ['project'],
  timeTravel: { asOf: true, knownAt: true },
  columns: ASSESSMENT_REPORT_COLUMNS,
  async *rows(context) {
    yield* assessmentReportRows(await assessmentReportOf(context));
  },
};
