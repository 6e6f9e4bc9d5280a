import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useClient, useQuery, useSubscription, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { WarningsViewWarningFragment } from '../../gql/graphql';
import { TimeTravelBanner, useTimeTravel } from '../../app/time-travel';
import { describeError } from '../../graphql/errors';
import { count, date, dateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import {
  announcement,
  appendPage,
  combineLive,
  dayAfter,
  defaultFromDay,
  detailEntries,
  matchesFilter,
  RULES,
  ruleLabel,
  severityLabel,
  startOfDay,
  subjectLabel,
  type RuleName,
  type WarningFilter,
} from './warning-text';
import './warnings.css';

graphql(`
  fragment WarningsViewWarning on Warning {
    id
    rule
    severity
    subjectType
    subjectId
    relatedIds
    message
    details
    raisedAt
    recordedAt
    resolvedAt
    resolvedRecordedAt
    open
    computed
    position
    eventId
  }
`);

const WarningsProjectQuery = graphql(`
  query DashboardWarningsProject($id: ID!) {
    project(id: $id) {
      id
      startsOn
    }
  }
`);

const WarningsQuery = graphql(`
  query DashboardWarnings(
    $projectId: ID!
    $rule: WarningRule
    $open: Boolean
    $from: DateTime
    $to: DateTime
    $first: Int
    $after: String
    $asOf: DateTime
  ) {
    warnings(
      projectId: $projectId
      rule: $rule
      open: $open
      from: $from
      to: $to
      first: $first
      after: $after
      asOf: $asOf
    ) {
      totalCount
      pageInfo {
        ...NextPage
      }
      edges {
        node {
          ...WarningsViewWarning
        }
      }
    }
  }
`);

const WarningRaisedSubscription = graphql(`
  subscription DashboardWarningRaised($projectId: ID!) {
    warningRaised(projectId: $projectId) {
      ...WarningsViewWarning
    }
  }
`);

type Warning = WarningsViewWarningFragment;
type Status = 'all' | 'open' | 'resolved';

const PAGE_SIZE = 20;

interface Listing {
  readonly items: Warning[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly fetching: boolean;
  readonly error: CombinedError | null;
}

const EMPTY_LISTING: Listing = {
  items: [],
  totalCount: 0,
  endCursor: null,
  hasNextPage: false,
  fetching: true,
  error: null,
};

/**
 * The project's early warnings as a timeline, newest first, with the numbers and events behind
 * each; filters, pages ("Load more") and new warnings pushed live over `warningRaised`.
 */
export function WarningsView() {
  const { projectId = '' } = useParams();
  const { asOf, knownAt, set: travel } = useTimeTravel();
  const client = useClient();
  const [project] = useQuery({ query: WarningsProjectQuery, variables: { id: projectId } });
  const [rule, setRule] = useState<RuleName | ''>('');
  const [status, setStatus] = useState<Status>('all');
  /** null: the default (the pilot's first month); '': no start at all. */
  const [fromDay, setFromDay] = useState<string | null>(null);
  const [toDay, setToDay] = useState('');
  const today = new Date().toISOString().slice(0, 10);

  const projectReady = !project.fetching && (project.data !== undefined || project.error !== undefined);
  // At a past moment the list starts from that moment's recent months, as it does from today's.
  const defaultFrom = useMemo(
    () => defaultFromDay(project.data?.project?.startsOn, asOf ? new Date(asOf) : new Date()),
    [project.data?.project?.startsOn, asOf],
  );
  const from = fromDay ?? defaultFrom ?? '';
  const filter: WarningFilter = { rule: rule || null, open: status === 'all' ? null : status === 'open' };
  const variablesKey = JSON.stringify({
    projectId,
    rule: rule || null,
    open: filter.open,
    from: from ? startOfDay(from) : null,
    to: toDay ? dayAfter(toDay) : null,
    first: PAGE_SIZE,
    asOf: asOf ?? null,
  });

  const [listing, setListing] = useState<Listing>(EMPTY_LISTING);
  const latestRequest = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const request = ++latestRequest.current;
      setListing((previous) => (after ? { ...previous, fetching: true, error: null } : EMPTY_LISTING));
      const result = await client
        .query(WarningsQuery, { ...JSON.parse(variablesKey), after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (request !== latestRequest.current) return;
      const page = result.data?.warnings;
      if (!page) {
        setListing((previous) => ({ ...previous, fetching: false, error: result.error ?? null }));
        return;
      }
      const nodes = page.edges.map((edge) => edge.node);
      setListing((previous) => ({
        items: appendPage(after ? previous.items : [], nodes),
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
        fetching: false,
        error: null,
      }));
    },
    [client, variablesKey],
  );

  useEffect(() => {
    if (projectReady) void load(null);
  }, [load, projectReady]);
  useEffect(
    () => () => {
      latestRequest.current += 1;
    },
    [],
  );

  // Subscribed from the start, alongside the first page: the feed sends what is raised after the
  // project's latest stored warning at that moment; a warning in both is shown once (by id). A
  // past moment's list does not grow with what is raised now, so it is not subscribed.
  const [live] = useSubscription(
    { query: WarningRaisedSubscription, variables: { projectId }, pause: !projectId || Boolean(asOf) },
    (previous: Warning[] = [], data) => [data.warningRaised, ...previous],
  );
  const liveWarnings = useMemo(() => live.data ?? [], [live.data]);

  // Say politely what arrived, once per warning.
  const [said, setSaid] = useState('');
  const announced = useRef(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(() => {
    const arrived = liveWarnings.slice(0, liveWarnings.length - announced.current);
    announced.current = liveWarnings.length;
    if (arrived.length === 0) return;
    setSaid(arrived.map((warning) => announcement(warning, matchesFilter(warning, filterRef.current))).join(' '));
  }, [liveWarnings]);

  const shown = combineLive(liveWarnings, listing.items, filter);
  const filtered = rule !== '' || status !== 'all' || fromDay !== null || toDay !== '';
  const resetFilters = () => {
    setRule('');
    setStatus('all');
    setFromDay(null);
    setToDay('');
  };
  const nothing = !listing.fetching && !listing.error && shown.fresh.length + shown.listed.length === 0;

  return (
    <section className="warnings-view" aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">Warnings</h2>
      <TimeTravelBanner asOf={asOf} knownAt={null} />
      {knownAt ? (
        <div className="notice warnings-known-now">
          <p>
            <strong>Warnings are shown as the platform knows them now.</strong> They can be shown as of a past moment
            (what had happened by then), but not as the platform knew them on an earlier day.
          </p>
          <button type="button" className="secondary" onClick={() => travel({ knownAt: null })}>
            Show as known now
          </button>
        </div>
      ) : null}
      <p className="muted">
        {asOf
          ? `Early warnings as they stood on ${dateTime(asOf)}: raised by then, open unless resolved by then, barriers judged overdue at that moment. `
          : 'Early warnings raised and resolved in this project, newest first, each with the numbers behind it. New warnings appear at the top as they are raised, without reloading.'}
      </p>

      <form className="warning-filters" aria-label="Filter warnings" onSubmit={(event) => event.preventDefault()}>
        <label>
          Rule{' '}
          <select value={rule} onChange={(event) => setRule(event.target.value as RuleName | '')}>
            <option value="">All rules</option>
            {RULES.map((name) => (
              <option key={name} value={name}>
                {ruleLabel(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as Status)}>
            <option value="all">Open and resolved</option>
            <option value="open">Open only</option>
            <option value="resolved">Resolved only</option>
          </select>
        </label>
        <label>
          Raised from{' '}
          <input type="date" max={today} value={from} onChange={(event) => setFromDay(event.target.value)} />
        </label>
        <label>
          Raised on or before{' '}
          <input type="date" max={today} value={toDay} onChange={(event) => setToDay(event.target.value)} />
        </label>
        {filtered ? (
          <button type="button" className="secondary" onClick={resetFilters}>
            Reset filters
          </button>
        ) : null}
      </form>
      <p className="muted warning-range-note">
        {from
          ? `Signal drops are computed for the months from ${date(startOfDay(from))}${toDay ? ` to ${date(startOfDay(toDay))}` : ' to now'} (at most 36 months).`
          : 'Without a start date, signal drops are computed for the last six months only.'}
      </p>

      <p className="warnings-live" role="status" aria-live="polite">
        {said}
      </p>
      {live.error ? (
        <p className="notice">Live updates stopped: {describeError(live.error).message} Reload the page to resume.</p>
      ) : null}

      {listing.error ? <ErrorNotice error={listing.error} /> : null}
      {listing.fetching && listing.items.length === 0 ? <Loading what="warnings" /> : null}
      {!listing.error && !(listing.fetching && listing.items.length === 0) ? (
        <p className="warnings-count">
          Showing {count(shown.fresh.length + shown.listed.length)} of {count(listing.totalCount + shown.fresh.length)}{' '}
          warning{listing.totalCount + shown.fresh.length === 1 ? '' : 's'}
          {shown.fresh.length > 0 ? ` (${count(shown.fresh.length)} new since this page opened)` : ''}.
        </p>
      ) : null}
      {nothing ? (
        <Empty>
          {filtered
            ? 'No warning matches these filters.'
            : 'No warning so far: nothing in this project has crossed a threshold.'}
        </Empty>
      ) : null}

      {shown.fresh.length + shown.listed.length > 0 ? (
        <ol className="warning-timeline" aria-label="Warnings, newest first">
          {shown.fresh.map((warning) => (
            <WarningItem key={warning.id} warning={warning} fresh />
          ))}
          {shown.listed.map((warning) => (
            <WarningItem key={warning.id} warning={warning} />
          ))}
        </ol>
      ) : null}

      {listing.hasNextPage ? (
        <button
          type="button"
          className="warnings-more"
          disabled={listing.fetching}
          onClick={() => void load(listing.endCursor)}
        >
          {listing.fetching ? 'Loading more…' : 'Load more'}
        </button>
      ) : null}
      {listing.fetching && listing.items.length > 0 ? <Loading what="more warnings" /> : null}
    </section>
  );
}

function When({ at }: { at: string }) {
  return <time dateTime={at}>{dateTime(at)}</time>;
}

function IdList({ ids }: { ids: readonly string[] }) {
  return (
    <ul className="warning-ids">
      {ids.map((id) => (
        <li key={id}>
          <code>{id}</code>
        </li>
      ))}
    </ul>
  );
}

function WarningItem({ warning, fresh = false }: { warning: Warning; fresh?: boolean }) {
  const critical = warning.severity === 'CRITICAL';
  const headingId = `warning-${warning.id}`;
  const entries = detailEntries(warning.details);
  const listedIds = new Set(entries.flatMap((entry) => entry.ids ?? []));
  const related = warning.relatedIds.filter((id) => !listedIds.has(id));
  const classes = [
    'warning-item',
    critical ? 'is-critical' : 'is-warning',
    warning.open ? 'is-open' : 'is-resolved',
    fresh ? 'is-fresh' : '',
  ].filter(Boolean);
  return (
    <li className={classes.join(' ')}>
      <article aria-labelledby={headingId}>
        <header className="warning-head">
          <span className={`warning-severity ${critical ? 'warning-severity-critical' : 'warning-severity-warning'}`}>
            <span aria-hidden="true">{critical ? '‼ ' : '! '}</span>
            {severityLabel(warning.severity)}
          </span>
          <h3 id={headingId}>{ruleLabel(warning.rule)}</h3>
          <span className={`warning-state ${warning.open ? 'state-open' : 'state-resolved'}`}>
            {warning.open ? 'Open' : 'Resolved'}
          </span>
          {fresh ? <span className="warning-fresh">New</span> : null}
        </header>
        <p className="warning-message">{warning.message}</p>
        <dl className="warning-facts">
          <div>
            <dt>Raised</dt>
            <dd>
              <When at={warning.raisedAt} />
            </dd>
          </div>
          <div>
            <dt>Resolved</dt>
            <dd>{warning.resolvedAt ? <When at={warning.resolvedAt} /> : 'not yet'}</dd>
          </div>
          <div>
            <dt>About</dt>
            <dd>{subjectLabel(warning.subjectType, warning.subjectId)}</dd>
          </div>
        </dl>
        <details className="warning-behind">
          <summary>Numbers and events behind it</summary>
          {entries.length > 0 ? (
            <dl className="warning-numbers">
              {entries.map((entry) => (
                <div key={entry.key}>
                  <dt>{entry.label}</dt>
                  <dd>
                    {entry.value}
                    {entry.ids && entry.ids.length > 0 ? <IdList ids={entry.ids} /> : null}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          <ul className="warning-events">
            {warning.computed ? (
              <li>
                Computed when the list was asked for, from the signals and open barriers: not stored, so no event.
              </li>
            ) : (
              <li>
                Raised by event <code>{warning.eventId ?? '—'}</code> at log position{' '}
                <code>{warning.position ?? '—'}</code>, recorded <When at={warning.recordedAt} />.
              </li>
            )}
            {warning.resolvedAt ? (
              <li>
                Resolved by a fact that occurred <When at={warning.resolvedAt} />
                {warning.resolvedRecordedAt ? (
                  <>
                    , recorded <When at={warning.resolvedRecordedAt} />
                  </>
                ) : null}
                .
              </li>
            ) : null}
            {related.length > 0 ? (
              <li>
                Related records ({count(related.length)}):
                <IdList ids={related} />
              </li>
            ) : null}
          </ul>
        </details>
      </article>
    </li>
  );
}
