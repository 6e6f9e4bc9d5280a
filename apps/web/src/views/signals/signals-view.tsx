import { useCallback, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { pilotWindow } from '../../app/periods';
import { TimeTravelControls, useTimeTravel } from '../../app/time-travel';
import type { DashboardSignalSeriesQuery } from '../../gql/graphql';
import { Chart, type ChartClick } from '../../ui/chart';
import { DataTable, type Column } from '../../ui/data-table';
import { date, period, words } from '../../ui/format';
import { Empty, ErrorNotice, Loading, Suppressed } from '../../ui/status';
import { BreakdownPanel } from './breakdown-panel';
import {
  SIGNALS,
  chartDescription,
  isBelow,
  lastDayOf,
  minCarersIn,
  parseGranularity,
  selectedIndex,
  signalChartOption,
  signalKeyOf,
  signalValue,
  thresholds,
  type Granularity,
  type Selection,
  type SignalKey,
} from './signal-series';
import { SignalsProjectQuery, SignalsSeriesQuery } from './signals-queries';
import './signals-view.css';
import { useQueryParams } from '../../app/search-params';

type Period = DashboardSignalSeriesQuery['signalSeries']['periods'][number];

const SOURCE: Record<string, string> = {
  DEFAULT: 'the platform default',
  REQUESTED: 'asked for',
  TERRITORY_ADOPTED: "adopted by the project's territory",
};

/** Months or quarters, kept in the URL (`?granularity=QUARTER`) beside asOf and knownAt. */
function GranularityToggle({ value, onChange }: { value: Granularity; onChange: (next: Granularity) => void }) {
  const options: Array<[Granularity, string]> = [
    ['MONTH', 'Months'],
    ['QUARTER', 'Quarters'],
  ];
  return (
    <fieldset className="granularity no-print">
      <legend>Periods</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input
            type="radio"
            name="granularity"
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** One signal's figure in a table cell: a button that opens its breakdown. */
function ValueButton({
  entry,
  signal,
  label,
  periodName,
  selected,
  onOpen,
}: {
  entry: Period;
  signal: SignalKey;
  label: string;
  periodName: string;
  selected: boolean;
  onOpen: () => void;
}) {
  const point = entry[signal];
  const below = isBelow(point.value, point.warnBelow);
  return (
    <button type="button" className="value-button" aria-pressed={selected} onClick={onOpen}>
      {point.suppressed ? (
        <Suppressed minCarers={minCarersIn(point.suppressionReason)} />
      ) : point.value === null ? (
        <span className="muted">no data</span>
      ) : (
        <span className={below ? 'missed' : undefined}>{signalValue(point.value)}</span>
      )}
      {below ? <span className="below-tag"> below</span> : null}
      <span className="visually-hidden">
        : show {label.toLowerCase()} breakdown for {periodName}
      </span>
    </button>
  );
}

function SeriesPanel({
  projectId,
  window,
  granularity,
}: {
  projectId: string;
  window: { from: string; to: string };
  granularity: Granularity;
}) {
  const { asOf, knownAt } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({
    query: SignalsSeriesQuery,
    variables: { projectId, from: window.from, to: window.to, granularity, asOf, knownAt },
  });
  const [selection, setSelection] = useState<Selection | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusPending = useRef(false);

  const periods = useMemo(() => data?.signalSeries.periods ?? [], [data]);
  const option = useMemo(() => signalChartOption(periods, granularity, selection), [periods, granularity, selection]);
  const index = selectedIndex(periods, selection);

  const open = useCallback((next: Selection) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusPending.current = true;
    setSelection(next);
  }, []);
  const onChartClick = useCallback(
    ({ seriesName, dataIndex }: ChartClick) => {
      const signal = signalKeyOf(seriesName);
      const entry = periods[dataIndex];
      if (signal && entry) open({ signal, from: entry.window.from });
    },
    [periods, open],
  );
  const close = useCallback(() => {
    setSelection(null);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, []);

  // The breakdown arrives after the click: its heading takes the focus once it is on the page.
  const focusBreakdown = useCallback(() => {
    if (focusPending.current && heading.current) {
      focusPending.current = false;
      heading.current.focus();
    }
  }, []);

  // Without a cache, new variables (granularity, asOf) mean new figures: never show the old ones meanwhile.
  if (fetching) return <Loading what="the signals" />;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  if (periods.length === 0) return <Empty>No period to show in this window.</Empty>;

  const warn = thresholds(periods);
  const unit = granularity === 'QUARTER' ? 'quarter' : 'month';
  const { framework } = data.signalSeries;
  const columns: Column<Period>[] = [
    {
      header: granularity === 'QUARTER' ? 'Quarter' : 'Month',
      cell: (entry) => <span className="period-name">{period(entry.window.from, granularity)}</span>,
    },
    ...SIGNALS.map(({ key, label }): Column<Period> => ({
      header: warn[key] === null ? label : `${label} (warns below ${signalValue(warn[key])})`,
      numeric: true,
      cell: (entry) => (
        <ValueButton
          entry={entry}
          signal={key}
          label={label}
          periodName={period(entry.window.from, granularity)}
          selected={selection?.signal === key && selection.from === entry.window.from}
          onOpen={() =>
            selection?.signal === key && selection.from === entry.window.from
              ? close()
              : open({ signal: key, from: entry.window.from })
          }
        />
      ),
    })),
  ];
  const selected = index >= 0 && selection ? periods[index] : undefined;

  return (
    <div className="signals-body">
      <Chart option={option} label={chartDescription(periods, granularity)} height={340} onClick={onChartClick} />
      <p className="muted chart-hint no-print">
        Gaps in a line are periods withheld (fewer than 5 carers) or without data. Dashed lines are the thresholds below
        which a signal warns. Choose a point, or a value in the table, to see how it was computed.
      </p>
      {selected && selection ? (
        <BreakdownPanel
          ref={heading}
          projectId={projectId}
          signal={selection.signal}
          periodName={period(selected.window.from, granularity)}
          window={selected.window}
          onShown={focusBreakdown}
          onClose={close}
        />
      ) : null}
      <DataTable
        caption={`Signals by ${unit}, ${date(window.from)} to ${date(lastDayOf(window.to))}; framework ${framework.name} v${framework.version} (${SOURCE[framework.source] ?? words(framework.source)}). Choose a value to see its indicators.`}
        columns={columns}
        rows={periods}
        rowKey={(entry) => entry.window.from}
      />
    </div>
  );
}

/** A project's trust, engagement, partnership cohesion and co-creation balance over its pilot. */
export function SignalsView() {
  const { projectId = '' } = useParams();
  const [params, setParams] = useQueryParams();
  const granularity = parseGranularity(params.get('granularity'));
  const { asOf } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({ query: SignalsProjectQuery, variables: { id: projectId } });

  const setGranularity = useCallback(
    (next: Granularity) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next === 'MONTH') updated.delete('granularity');
        else updated.set('granularity', next);
        return updated;
      }),
    [setParams],
  );

  const project = data?.project;
  const at = asOf ? new Date(asOf) : new Date();
  const window = project ? pilotWindow(project.startsOn, project.pilotMonths, at) : null;

  return (
    <section className="signals" aria-labelledby="signals-heading">
      <h2 id="signals-heading">Signals over the pilot</h2>
      <TimeTravelControls />
      <GranularityToggle value={granularity} onChange={setGranularity} />
      {fetching && !data ? <Loading what="the pilot" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && !project ? <Empty>No project {projectId} to show signals for.</Empty> : null}
      {project && !window ? (
        <Empty>
          The pilot starts on {date(project.startsOn)}: it had not started by {date(at)}, so there are no signals yet.
        </Empty>
      ) : null}
      {project && window ? <SeriesPanel projectId={projectId} window={window} granularity={granularity} /> : null}
    </section>
  );
}
