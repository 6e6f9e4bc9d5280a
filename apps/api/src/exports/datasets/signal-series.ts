import { requireQueryTimes, requireQueryWindow } from '../../time-travel/query-times.js';
import { restrictedSignalSeries, signalSeriesFor } from '../../auth/disclosure.js';
import { toSeries } from '../../signals/signals.mapping.js';
import type { SignalSeries } from '../../signals/signals.models.js';
import {
  inColumns,
  iso,
  projectIdOf,
  territoryIdOf,
  type Column,
  type ExportContext,
  type Row,
  type TableDataset,
} from '../dataset.js';
import { seriesWindow } from '../export-request.js';

export const SIGNAL_SERIES_COLUMNS: readonly Column[] = [
  { name: 'project_id', description: 'The project, when the export is of a project (empty for a territory).' },
  { name: 'territory_id', description: 'The territory, when the export is of a territory (its projects pooled).' },
  { name: 'period_from', description: 'Start of the period (inclusive), ISO 8601, UTC.' },
  { name: 'period_to', description: 'End of the period (exclusive), ISO 8601, UTC.' },
  { name: 'as_of', description: 'Only facts that occurred at or before this moment; empty: now.' },
  { name: 'known_at', description: 'Only facts recorded at or before this moment; empty: now.' },
  { name: 'framework_id', description: 'The signal framework the signals were computed under.' },
  { name: 'framework_version', description: 'Its version.' },
  { name: 'signal', description: 'trust, engagement, partnershipCohesion or coCreationBalance.' },
  {
    name: 'signal_value',
    description:
      'The signal in [0, 1]: the weighted mean of its included indicators; empty when no indicator has data or when withheld.',
  },
  {
    name: 'signal_carer_count',
    description:
      'Distinct carers behind the signal (rounded to 5 for roles under the disclosure control); empty when not carer-derived or withheld.',
  },
  { name: 'signal_suppressed', description: 'true when small-group suppression withheld the signal.' },
  { name: 'indicator', description: 'The indicator key (docs/signals.md).' },
  { name: 'indicator_label', description: 'What the indicator measures.' },
  {
    name: 'numerator',
    description: 'The indicator numerator (rounded for roles under the disclosure control); empty when withheld.',
  },
  { name: 'denominator', description: 'The indicator denominator (rounded likewise); empty when withheld.' },
  {
    name: 'indicator_value',
    description: 'numerator / denominator by the indicator rule; empty without data or when withheld.',
  },
  { name: 'weight', description: "The indicator's weight in the framework." },
  {
    name: 'effective_weight',
    description: 'The weight after renormalising over the indicators that have data (0 when left out).',
  },
  { name: 'included', description: 'true when the indicator had data and counted in the signal.' },
  {
    name: 'indicator_carer_count',
    description: 'Distinct carers behind the indicator (rounded likewise); empty when not carer-derived or withheld.',
  },
  { name: 'indicator_suppressed', description: 'true when small-group suppression withheld the indicator.' },
  { name: 'suppression_reason', description: 'Why the indicator was withheld, when it was.' },
];

/** The series exactly as `signalSeries` answers it to this caller (suppressed and rounded by role). */
export async function signalSeriesOf(context: ExportContext, restricted = false): Promise<SignalSeries> {
  const { args, scope, sources } = context;
  const window = await seriesWindow(context);
  requireQueryTimes({ asOf: args.asOf, knownAt: args.knownAt });
  requireQueryWindow('', window);
  const series = await sources.signals.series({
    scope: { projectId: projectIdOf(scope), territoryId: territoryIdOf(scope) } as Parameters<
      typeof sources.signals.series
    >[0]['scope'],
    from: window.from,
    to: window.to,
    granularity: args.granularity,
    asOf: args.asOf,
    knownAt: args.knownAt,
    framework: args.framework,
  });
  const min = sources.smallGroupMinCarers;
  // Open data is published: it always gets what the restricted roles get.
  return toSeries(restricted ? restrictedSignalSeries(series, min) : signalSeriesFor(context.actor, series, min));
}

export function* signalSeriesRows(series: SignalSeries): Generator<Row> {
  for (const period of series.periods) {
    for (const signal of period.signals) {
      for (const indicator of signal.breakdown) {
        yield inColumns(SIGNAL_SERIES_COLUMNS, {
          project_id: period.scope.projectId,
          territory_id: period.scope.territoryId,
          period_from: iso(period.window.from),
          period_to: iso(period.window.to),
          as_of: iso(period.asOf),
          known_at: iso(period.knownAt),
          framework_id: period.framework.id,
          framework_version: period.framework.version,
          signal: signal.key,
          signal_value: signal.value,
          signal_carer_count: signal.carerCount,
          signal_suppressed: signal.suppressed,
          indicator: indicator.key,
          indicator_label: indicator.label,
          numerator: indicator.numerator,
          denominator: indicator.denominator,
          indicator_value: indicator.value,
          weight: indicator.weight,
          effective_weight: indicator.effectiveWeight,
          included: indicator.included,
          indicator_carer_count: indicator.carerCount,
          indicator_suppressed: indicator.suppressed,
          suppression_reason: indicator.suppressionReason,
        });
      }
    }
  }
}

export const signalSeriesDataset: TableDataset = {
  name: 'signal-series',
  title: 'Signal series with their indicator breakdowns',
  operation: 'signalSeries',
  scopes: ['project', 'territory'],
  timeTravel: { asOf: true, knownAt: true },
  columns: SIGNAL_SERIES_COLUMNS,
  async *rows(context) {
    yield* signalSeriesRows(await signalSeriesOf(context));
  },
};
