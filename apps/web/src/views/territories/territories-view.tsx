import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { DashboardTerritorySignalsQuery } from '../../gql/graphql';
import { TimeTravelControls, useTimeTravel } from '../../app/time-travel';
import { Chart } from '../../ui/chart';
import { DataTable } from '../../ui/data-table';
import { date, period, words } from '../../ui/format';
import { Empty, ErrorNotice, Loading, Suppressed } from '../../ui/status';
import {
  apiDifference,
  cellOf,
  frameworkChartOption,
  frameworkRows,
  points,
  share,
  territoryChartOption,
  type Cell,
  type FrameworkRow,
  type TerritoryColumn,
} from './comparison';
import {
  defaultFrameworks,
  defaultWindow,
  frameworkRefParam,
  lastMonthBefore,
  monthOf,
  parseFrameworkRef,
  pickedWindow,
  readPicks,
  refOf,
  sameFramework,
  SIGNAL_KEYS,
  SIGNAL_LABELS,
  writePicks,
  type FrameworkRef,
  type Granularity,
  type SignalKey,
  type TerritoryPicks,
  type Window,
} from './territory-params';
import { useQueryParams } from '../../app/search-params';
import './territories.css';

const TerritoryDirectoryQuery = graphql(`
  query DashboardTerritoryDirectory {
    projects(first: 100) {
      edges {
        node {
          id
          name
          territoryId
          startsOn
          pilotMonths
          territory {
            id
            name
          }
        }
      }
    }
    programmes(first: 100) {
      edges {
        node {
          id
          name
          territories {
            id
            name
          }
        }
      }
    }
  }
`);

/** The four signals' values, as every territory and framework table reads them. */
graphql(`
  fragment TerritorySignalValues on SignalReport {
    trust {
      value
      suppressed
    }
    engagement {
      value
      suppressed
    }
    partnershipCohesion {
      value
      suppressed
    }
    coCreationBalance {
      value
      suppressed
    }
  }
`);

/** A framework's series as the comparison reads it: the same fields for A and B, so they line up. */
graphql(`
  fragment FrameworkSeriesPeriods on SignalSeries {
    periods {
      window {
        from
        to
      }
      ...TerritorySignalValues
    }
  }
`);

const SignalFrameworksQuery = graphql(`
  query DashboardSignalFrameworks {
    signalFrameworks {
      id
      version
      name
      registeredAt
      registeredBy
    }
  }
`);

const TerritorySignalsQuery = graphql(`
  query DashboardTerritorySignals(
    $territoryId: ID!
    $window: SignalWindowInput
    $asOf: DateTime
    $knownAt: DateTime
    $framework: SignalFrameworkRefInput
  ) {
    signals(
      scope: { territoryId: $territoryId }
      window: $window
      asOf: $asOf
      knownAt: $knownAt
      framework: $framework
    ) {
      framework {
        id
        version
        name
        source
      }
      window {
        from
        to
      }
      suppressed
      ...TerritorySignalValues
    }
  }
`);

const FrameworkComparisonQuery = graphql(`
  query DashboardFrameworkComparison(
    $territoryId: ID!
    $from: DateTime!
    $to: DateTime!
    $granularity: SignalGranularity!
    $left: SignalFrameworkRefInput!
    $right: SignalFrameworkRefInput!
    $asOf: DateTime
    $knownAt: DateTime
  ) {
    left: signalSeries(
      scope: { territoryId: $territoryId }
      from: $from
      to: $to
      granularity: $granularity
      framework: $left
      asOf: $asOf
      knownAt: $knownAt
    ) {
      ...FrameworkSeriesPeriods
    }
    right: signalSeries(
      scope: { territoryId: $territoryId }
      from: $from
      to: $to
      granularity: $granularity
      framework: $right
      asOf: $asOf
      knownAt: $knownAt
    ) {
      ...FrameworkSeriesPeriods
    }
    whole: compareSignals(
      scope: { territoryId: $territoryId }
      left: $left
      right: $right
      window: { from: $from, to: $to }
      asOf: $asOf
      knownAt: $knownAt
    ) {
      differences {
        signal
        delta
        suppressed
      }
      left {
        ...TerritorySignalValues
      }
      right {
        ...TerritorySignalValues
      }
    }
  }
`);

type TerritoryReport = DashboardTerritorySignalsQuery['signals'];

interface TerritoryOption {
  readonly id: string;
  readonly label: string;
}

const SOURCE_WORDS: Record<string, string> = {
  REQUESTED: 'asked for',
  TERRITORY_ADOPTED: 'adopted by the territory',
  DEFAULT: 'the platform default',
};

/** A labelled control whose label names only it (not the options of a select inside a label). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label> {children(id)}
    </span>
  );
}

/** A labelled select; `children` are its options. */
function SelectField({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A labelled month (YYYY-MM); emptied, it gives null. */
function MonthField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (month: string | null) => void;
}) {
  return (
    <Field label={label}>
      {(id) => <input id={id} type="month" value={value} onChange={(event) => onChange(event.target.value || null)} />}
    </Field>
  );
}

/** A figure as a table shows it: the number, the withheld wording (never 0), or that there is none. */
function CellView({ cell, format = share }: { cell: Cell; format?: (value: number) => string }) {
  if (cell.kind === 'withheld') return <Suppressed />;
  if (cell.kind === 'none') return <span className="muted">no data</span>;
  return <>{format(cell.value)}</>;
}

function monthRange(window: Window): string {
  const first = period(window.from, 'MONTH');
  const last = period(`${lastMonthBefore(window.to)}-01T00:00:00.000Z`, 'MONTH');
  return first === last ? first : `${first} – ${last}`;
}

/** The territories that answered, as columns of the side-by-side tables and chart. */
function territoryColumns(
  territories: readonly string[],
  answers: Record<string, { report: TerritoryReport | null }>,
  labels: ReadonlyMap<string, string>,
): TerritoryColumn[] {
  return territories.flatMap((id) => {
    const report = answers[id]?.report;
    if (!report) return [];
    const cells = Object.fromEntries(SIGNAL_KEYS.map((key) => [key, cellOf(report[key])])) as Record<SignalKey, Cell>;
    return [{ id, label: labels.get(id) ?? id, cells }];
  });
}

/** The four signals down, a territory a column. */
function SignalsByTerritory({ caption, columns }: { caption: string; columns: readonly TerritoryColumn[] }) {
  return (
    <DataTable
      caption={caption}
      rows={SIGNAL_KEYS}
      rowKey={(key) => key}
      columns={[
        { header: 'Signal', cell: (key: SignalKey) => SIGNAL_LABELS[key] },
        ...columns.map((column) => ({
          header: column.label,
          numeric: true,
          cell: (key: SignalKey) => <CellView cell={column.cells[key]} />,
        })),
      ]}
    />
  );
}

/**
 * One `signals` query per territory, run side by side; each answers (or is refused) on its own.
 * `framework` null: each territory under the framework it adopted; else all under that one.
 */
function useTerritoryReports(
  territories: readonly string[],
  window: Window | null,
  asOf: string | null,
  knownAt: string | null,
  framework: FrameworkRef | null,
): Record<string, { report: TerritoryReport | null; error: CombinedError | null }> {
  const client = useClient();
  const [answers, setAnswers] = useState<
    Record<string, { report: TerritoryReport | null; error: CombinedError | null }>
  >({});
  const key = JSON.stringify([territories, window, asOf, knownAt, framework]);
  useEffect(() => {
    let current = true;
    setAnswers({});
    if (!window) return;
    for (const territoryId of territories) {
      void client
        .query(TerritorySignalsQuery, { territoryId, window, asOf, knownAt, framework })
        .toPromise()
        .then((result) => {
          if (!current) return;
          setAnswers((previous) => ({
            ...previous,
            [territoryId]: { report: result.data?.signals ?? null, error: result.error ?? null },
          }));
        });
    }
    return () => {
      current = false;
    };
    // The key stands for every input of the queries.
  }, [client, key]);
  return answers;
}

function TerritoryComparison({
  territories,
  labels,
  window,
}: {
  territories: readonly string[];
  labels: ReadonlyMap<string, string>;
  window: Window;
}) {
  const { asOf, knownAt } = useTimeTravel();
  const answers = useTerritoryReports(territories, window, asOf, knownAt, null);
  const waiting = territories.filter((id) => !answers[id]);
  const columns = territoryColumns(territories, answers, labels);
  const reports = territories.flatMap((id) => {
    const report = answers[id]?.report;
    return report ? [{ id, report }] : [];
  });
  const columnsKey = JSON.stringify(columns);
  const option = useMemo(() => territoryChartOption(columns), [columnsKey]);
  const anyWithheld = columns.some((column) => SIGNAL_KEYS.some((key) => column.cells[key].kind === 'withheld'));
  const shownWindow = reports[0]?.report.window ?? window;
  return (
    <section aria-labelledby="territories-compared" className="territories-section">
      <h2 id="territories-compared">Territories side by side</h2>
      <p className="muted">
        The four signals of each territory over {monthRange(shownWindow)}, all of its projects pooled.
      </p>
      {waiting.length > 0 ? <Loading what={`the signals of ${waiting.join(', ')}`} /> : null}
      {territories.map((id) => {
        const error = answers[id]?.error;
        return error ? (
          <div key={id} className="territory-error">
            <p>
              <strong>{labels.get(id) ?? id}</strong>:
            </p>
            <ErrorNotice error={error} />
          </div>
        ) : null;
      })}
      {waiting.length === 0 && columns.length > 0 ? (
        <div className="chart-and-table">
          <Chart
            option={option}
            label={`Signals by territory over ${monthRange(shownWindow)}: ${columns.map((c) => c.label).join(', ')}. The table beside gives the same numbers.`}
            height={300}
          />
          <div>
            <SignalsByTerritory caption={`Signals over ${monthRange(shownWindow)}, by territory`} columns={columns} />
            <ul className="framework-used">
              {reports.map(({ id, report }) => (
                <li key={id}>
                  {labels.get(id) ?? id}: computed with {report.framework.name} ({report.framework.id} v
                  {report.framework.version}, {SOURCE_WORDS[report.framework.source] ?? words(report.framework.source)})
                </li>
              ))}
            </ul>
            {anyWithheld ? <WithheldNote /> : null}
          </div>
        </div>
      ) : null}
      {waiting.length === 0 && columns.length > 0 ? (
        <UnderCommonFramework territories={territories} labels={labels} window={window} />
      ) : null}
      {territories.length === 1 ? (
        <p className="muted no-print">Pick another territory above to compare it with this one.</p>
      ) : null}
    </section>
  );
}

/**
 * The same territories all under one framework, beside the table of each under its own: what
 * differs because the territories differ, apart from what differs because they weigh differently.
 */
function UnderCommonFramework({
  territories,
  labels,
  window,
}: {
  territories: readonly string[];
  labels: ReadonlyMap<string, string>;
  window: Window;
}) {
  const { asOf, knownAt } = useTimeTravel();
  const [{ data }] = useQuery({ query: SignalFrameworksQuery });
  const frameworks = data?.signalFrameworks ?? [];
  const [picked, setPicked] = useState<FrameworkRef | null>(null);
  const common =
    picked ??
    (frameworks.find((f) => f.id === 'default') ? refOf(frameworks.find((f) => f.id === 'default')!) : null) ??
    (frameworks[0] ? refOf(frameworks[0]) : null);
  const answers = useTerritoryReports(territories, common ? window : null, asOf, knownAt, common);
  const columns = territoryColumns(territories, answers, labels);
  if (!common) return null;
  const name = frameworks.find((f) => sameFramework(refOf(f), common))?.name ?? shortName(common);
  const waiting = territories.filter((id) => !answers[id]);
  return (
    <div className="common-framework">
      <h3>Under one common framework</h3>
      <form className="picks no-print" aria-label="Common framework" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Common framework"
          value={frameworkRefParam(common)}
          onChange={(value) => setPicked(parseFrameworkRef(value))}
        >
          {frameworks.map((f) => (
            <option key={frameworkRefParam(refOf(f))} value={frameworkRefParam(refOf(f))}>
              {f.name} — {shortName(refOf(f))}
            </option>
          ))}
        </SelectField>
      </form>
      {waiting.length > 0 ? <Loading what={`the signals of ${waiting.join(', ')} under ${name}`} /> : null}
      {waiting.length === 0 && columns.length > 0 ? (
        <SignalsByTerritory
          caption={`Signals over ${monthRange(window)}, all territories under ${name} (${shortName(common)})`}
          columns={columns}
        />
      ) : null}
    </div>
  );
}

function WithheldNote() {
  return (
    <p className="muted withheld-note">
      A withheld figure was computed over fewer than 5 carers: it is not shown so that nobody can be singled out.
    </p>
  );
}

const shortName = (ref: FrameworkRef) => `${ref.id} v${ref.version}`;

function FrameworkComparison({
  picks,
  change,
  territories,
  populated,
  labels,
  window,
}: {
  picks: TerritoryPicks;
  change: (changes: Partial<TerritoryPicks>) => void;
  territories: readonly string[];
  /** Territories with a project the reader can see: the first is compared by default. */
  populated: ReadonlySet<string>;
  labels: ReadonlyMap<string, string>;
  window: Window;
}) {
  const { asOf, knownAt } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({ query: SignalFrameworksQuery });
  const frameworks = data?.signalFrameworks ?? [];
  const { left, right } = defaultFrameworks(frameworks, picks);
  const scope = picks.scope ?? territories.find((id) => populated.has(id)) ?? territories[0] ?? null;
  const scopes = scope && !territories.includes(scope) ? [...territories, scope] : territories;
  const describe = (ref: FrameworkRef | null) => {
    if (!ref) return 'none';
    const found = frameworks.find((f) => sameFramework(refOf(f), ref));
    return found ? `${found.name} (${shortName(ref)})` : `${shortName(ref)} (not registered)`;
  };
  const options = frameworks.map((f) => (
    <option key={frameworkRefParam(refOf(f))} value={frameworkRefParam(refOf(f))}>
      {f.name} — {shortName(refOf(f))}
    </option>
  ));
  return (
    <section aria-labelledby="frameworks-compared" className="territories-section">
      <h2 id="frameworks-compared">Frameworks compared</h2>
      <p className="muted">
        The same history computed under two registered framework versions: A is the reference, B the alternative, and
        the difference is B − A.
      </p>
      {fetching ? <Loading what="the registered frameworks" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data ? (
        <form className="picks no-print" aria-label="Frameworks to compare" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Framework A (reference)"
            value={left ? frameworkRefParam(left) : ''}
            onChange={(value) => change({ left: parseFrameworkRef(value) })}
          >
            {options}
          </SelectField>
          <SelectField
            label="Framework B"
            value={right ? frameworkRefParam(right) : ''}
            onChange={(value) => change({ right: parseFrameworkRef(value) })}
          >
            {right ? null : <option value="">none</option>}
            {options}
          </SelectField>
          <SelectField label="Signal" value={picks.signal} onChange={(value) => change({ signal: value as SignalKey })}>
            {SIGNAL_KEYS.map((key) => (
              <option key={key} value={key}>
                {SIGNAL_LABELS[key]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Territory" value={scope ?? ''} onChange={(value) => change({ scope: value || null })}>
            {scopes.map((territoryId) => (
              <option key={territoryId} value={territoryId}>
                {labels.get(territoryId) ?? territoryId}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Periods"
            value={picks.granularity}
            onChange={(value) => change({ granularity: value as Granularity })}
          >
            <option value="MONTH">months</option>
            <option value="QUARTER">quarters</option>
          </SelectField>
        </form>
      ) : null}
      {data && frameworks.length < 2 ? (
        <Empty>
          Only one framework version is registered. An analyst or an admin registers another (registerSignalFramework)
          to compare it with this one.
        </Empty>
      ) : null}
      {data && left && right && scope ? (
        <>
          <dl className="framework-key">
            <dt>A (reference, solid line)</dt>
            <dd>{describe(left)}</dd>
            <dt>B (dashed line)</dt>
            <dd>{describe(right)}</dd>
            <dt>Difference (bars)</dt>
            <dd>B − A, in percentage points</dd>
          </dl>
          {sameFramework(left, right) ? (
            <p className="notice">A and B are the same version: pick another B to see a difference.</p>
          ) : null}
          <FrameworkFigures
            territoryId={scope}
            territoryLabel={labels.get(scope) ?? scope}
            left={left}
            right={right}
            signal={picks.signal}
            granularity={picks.granularity}
            window={window}
            asOf={asOf}
            knownAt={knownAt}
          />
        </>
      ) : null}
    </section>
  );
}

function FrameworkFigures({
  territoryId,
  territoryLabel,
  left,
  right,
  signal,
  granularity,
  window,
  asOf,
  knownAt,
}: {
  territoryId: string;
  territoryLabel: string;
  left: FrameworkRef;
  right: FrameworkRef;
  signal: SignalKey;
  granularity: Granularity;
  window: Window;
  asOf: string | null;
  knownAt: string | null;
}) {
  const [{ data, error, fetching }] = useQuery({
    query: FrameworkComparisonQuery,
    variables: { territoryId, from: window.from, to: window.to, granularity, left, right, asOf, knownAt },
  });
  const rows = useMemo(
    () => (data ? frameworkRows(data.left.periods, data.right.periods, signal) : []),
    [data, signal],
  );
  const names = {
    left: `A: ${shortName(left)}`,
    right: `B: ${shortName(right)}`,
    difference: 'Difference (B − A)',
  };
  // The names follow from left and right.
  const option = useMemo(
    () => frameworkChartOption(rows, granularity, names),
    [rows, granularity, names.left, names.right],
  );
  if (fetching) return <Loading what="both series" />;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  const anyWithheld = rows.some((row) => row.left.kind === 'withheld' || row.right.kind === 'withheld');
  const label = SIGNAL_LABELS[signal];
  return (
    <>
      <h3>
        {label} in {territoryLabel}, {granularity === 'MONTH' ? 'month by month' : 'quarter by quarter'}
      </h3>
      <Chart
        option={option}
        label={`${label} in ${territoryLabel} under ${names.left} and ${names.right}, with the difference, over ${monthRange(window)}. The table below gives the same numbers.`}
        height={320}
      />
      <DataTable<FrameworkRow>
        caption={`${label} in ${territoryLabel} per ${granularity === 'MONTH' ? 'month' : 'quarter'}: A is ${shortName(left)}, B is ${shortName(right)}`}
        rows={rows}
        rowKey={(row) => row.from}
        columns={[
          { header: 'Period', cell: (row) => period(row.from, granularity) },
          { header: names.left, numeric: true, cell: (row) => <CellView cell={row.left} /> },
          { header: names.right, numeric: true, cell: (row) => <CellView cell={row.right} /> },
          {
            header: 'Difference (B − A)',
            numeric: true,
            cell: (row) => <CellView cell={row.difference} format={points} />,
          },
        ]}
      />
      <DataTable
        caption={`All four signals over the whole window (${monthRange(window)}), as compareSignals computes them: A is ${shortName(left)}, B is ${shortName(right)}`}
        rows={SIGNAL_KEYS}
        rowKey={(key) => key}
        columns={[
          { header: 'Signal', cell: (key: SignalKey) => SIGNAL_LABELS[key] },
          {
            header: names.left,
            numeric: true,
            cell: (key: SignalKey) => <CellView cell={cellOf(data.whole.left[key])} />,
          },
          {
            header: names.right,
            numeric: true,
            cell: (key: SignalKey) => <CellView cell={cellOf(data.whole.right[key])} />,
          },
          {
            header: 'Difference (B − A)',
            numeric: true,
            cell: (key: SignalKey) => {
              const difference = data.whole.differences.find((d) => d.signal === key);
              return <CellView cell={difference ? apiDifference(difference) : { kind: 'none' }} format={points} />;
            },
          },
        ]}
      />
      {anyWithheld || data.whole.differences.some((d) => d.suppressed) ? <WithheldNote /> : null}
    </>
  );
}

/** Territories side by side, and the same history under two framework versions (analysts, researchers, admins). */
export function TerritoriesView() {
  const [params, setParams] = useQueryParams();
  const picks = readPicks(params);
  const { asOf } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({ query: TerritoryDirectoryQuery });
  const change = useCallback(
    (changes: Partial<TerritoryPicks>) => setParams((current) => writePicks(current, changes)),
    [setParams],
  );

  const projects = useMemo(() => data?.projects.edges.map((edge) => edge.node) ?? [], [data]);
  const known: TerritoryOption[] = useMemo(() => {
    const names = new Map<string, string>();
    for (const edge of data?.programmes.edges ?? [])
      for (const territory of edge.node.territories) names.set(territory.id, territory.name);
    for (const project of projects)
      if (!names.has(project.territoryId) || project.territory)
        names.set(
          project.territoryId,
          project.territory?.name ?? names.get(project.territoryId) ?? project.territoryId,
        );
    return [...names.entries()]
      .map(([id, name]) => ({ id, label: name && name !== id ? `${name} (${id})` : id }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }, [data, projects]);
  const labels = useMemo(() => new Map(known.map((t) => [t.id, t.label])), [known]);
  const populated = useMemo(() => new Set(projects.map((project) => project.territoryId)), [projects]);
  const offered: TerritoryOption[] = [
    ...known,
    ...picks.territories.filter((id) => !labels.has(id)).map((id) => ({ id, label: id })),
  ];
  const chosen = picks.territories.length > 0 ? picks.territories : known.map((t) => t.id);

  const at = asOf ? new Date(asOf) : new Date();
  const fallback = defaultWindow(projects, chosen, at);
  const picked = pickedWindow(picks, fallback);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen.filter((t) => t !== id), id] : chosen.filter((t) => t !== id);
    change({ territories: next });
  };

  return (
    <section aria-labelledby="territories-heading" className="territories">
      <h1 id="territories-heading">Territories and frameworks</h1>
      <TimeTravelControls />
      {fetching ? <Loading what="territories" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && offered.length === 0 ? (
        <Empty>No territory yet: none of the projects you can see belongs to one.</Empty>
      ) : null}
      {data && offered.length > 0 ? (
        <>
          <form className="picks no-print" aria-label="What to compare" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>Territories</legend>
              {offered.map((territory) => (
                <label key={territory.id} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(territory.id)}
                    onChange={(event) => toggle(territory.id, event.target.checked)}
                  />{' '}
                  {territory.label}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Window</legend>
              <MonthField
                label="First month"
                value={picks.from ?? monthOf(fallback.from)}
                onChange={(from) => change({ from })}
              />
              <MonthField
                label="Last month"
                value={picks.to ?? lastMonthBefore(fallback.to)}
                onChange={(to) => change({ to })}
              />
              {picks.from || picks.to ? (
                <button type="button" className="secondary" onClick={() => change({ from: null, to: null })}>
                  The pilots’ months
                </button>
              ) : (
                <span className="muted">the months of the pilots, up to the moment shown</span>
              )}
            </fieldset>
          </form>
          {picked.problem ? (
            <p className="notice notice-error" role="alert">
              {picked.problem}
            </p>
          ) : null}
          {picked.window && chosen.length === 0 ? <Empty>Pick at least one territory above.</Empty> : null}
          {picked.window && chosen.length > 0 ? (
            <>
              <TerritoryComparison territories={chosen} labels={labels} window={picked.window} />
              <FrameworkComparison
                picks={picks}
                change={change}
                territories={chosen}
                populated={populated}
                labels={labels}
                window={picked.window}
              />
            </>
          ) : null}
          <p className="muted print-only">
            Printed {date(new Date())}. Territories: {chosen.join(', ')}.
          </p>
        </>
      ) : null}
    </section>
  );
}
