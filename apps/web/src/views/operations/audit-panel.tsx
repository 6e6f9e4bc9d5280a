import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { DataTable } from '../../ui/data-table';
import { count, dateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import {
  auditFilterInput,
  auditProblems,
  EMPTY_FIELDS,
  FIELD_KEYS,
  hasFilters,
  PAGE_SIZES,
  readAuditParams,
  writeAuditParams,
  type AuditFields,
} from './audit-filter';
import { useQueryParams } from '../../app/search-params';

const AuditTrailQuery = graphql(`
  query OperationsAuditTrail($filter: AuditFilterInput, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...NextPage
      }
      edges {
        cursor
        node {
          position
          eventId
          eventType
          streamId
          actorId
          actorRole
          actorOrganisationId
          projectId
          territoryId
          commandId
          occurredAt
          recordedAt
        }
      }
    }
  }
`);

const AuditChoicesQuery = graphql(`
  query OperationsAuditChoices {
    organisations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    projects(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

type Entry = {
  position: string;
  eventId: string;
  eventType: string;
  streamId: string;
  actorId: string;
  actorRole: string;
  actorOrganisationId?: string | null;
  projectId?: string | null;
  territoryId?: string | null;
  occurredAt: string;
  recordedAt: string;
};

const LABELS: Record<keyof AuditFields, string> = {
  actorId: 'Actor',
  organisationId: 'Organisation',
  projectId: 'Project',
  eventType: 'Event type',
  from: 'Occurred from',
  to: 'Occurred until (included)',
};

/** Who did what and when: the audit trail with its filters and pages, all in the URL. */
export function AuditPanel() {
  const [params, setParams] = useQueryParams();
  const { fields, first, after } = readAuditParams(params);
  const [draft, setDraft] = useState<AuditFields>(fields);
  const fieldsKey = JSON.stringify(fields);
  // The form follows the URL (back and forward, a shared link).
  useEffect(() => setDraft(JSON.parse(fieldsKey) as AuditFields), [fieldsKey]);
  /** Cursors of the pages before this one, for "Previous page"; unknown when the link started mid-way. */
  const [previous, setPrevious] = useState<Array<string | null>>([]);
  const problems = auditProblems(fields);
  const filter = useMemo(() => auditFilterInput(JSON.parse(fieldsKey) as AuditFields), [fieldsKey]);
  const [{ data, error, fetching }] = useQuery({
    query: AuditTrailQuery,
    variables: { filter, first, after },
    pause: problems.length > 0,
  });
  const [choices] = useQuery({ query: AuditChoicesQuery });
  const [seenTypes, setSeenTypes] = useState<string[]>([]);
  useEffect(() => {
    const types = data?.auditTrail.edges.map((edge) => edge.node.eventType) ?? [];
    if (types.length) setSeenTypes((known) => [...new Set([...known, ...types])].sort());
  }, [data]);
  const projectNames = new Map((choices.data?.projects.edges ?? []).map(({ node }) => [node.id, node.name]));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPrevious([]);
    setParams(writeAuditParams(draft, first));
  };
  const goTo = (cursor: string | null) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (cursor) next.set('after', cursor);
      else next.delete('after');
      return next;
    });
  };
  const page = data?.auditTrail;
  const entries: Entry[] = page?.edges.map((edge) => edge.node) ?? [];
  const draftProblems = auditProblems(draft);
  const startsAt = after === null ? 1 : previous.length > 0 ? previous.length * first + 1 : null;

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p className="muted">
        Who did what and when: one entry per recorded event, newest first, from its type and its actor — never what the
        event said.
      </p>
      <form className="filters audit-filters no-print" aria-label="Audit trail filters" onSubmit={apply}>
        {FIELD_KEYS.map((key) => (
          <label key={key}>
            {LABELS[key]}{' '}
            <input
              name={key}
              type={key === 'from' || key === 'to' ? 'date' : 'text'}
              value={draft[key]}
              list={
                key === 'organisationId'
                  ? 'audit-organisations'
                  : key === 'projectId'
                    ? 'audit-projects'
                    : key === 'eventType'
                      ? 'audit-event-types'
                      : undefined
              }
              placeholder={
                key === 'actorId' ? 'e.g. home-care-coordinator-1' : key === 'eventType' ? 'e.g. ActivityCancelled' : ''
              }
              onChange={(event) => setDraft((current) => ({ ...current, [key]: event.target.value }))}
            />
          </label>
        ))}
        <label>
          Per page{' '}
          <select
            value={first}
            onChange={(event) => {
              setPrevious([]);
              setParams(writeAuditParams(fields, Number(event.target.value)));
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="filter-buttons">
          <button type="submit" disabled={draftProblems.length > 0}>
            Apply filters
          </button>
          {hasFilters(fields) || hasFilters(draft) ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setPrevious([]);
                setDraft(EMPTY_FIELDS);
                setParams(writeAuditParams(EMPTY_FIELDS, first));
              }}
            >
              Clear filters
            </button>
          ) : null}
        </div>
        <datalist id="audit-organisations">
          {(choices.data?.organisations.edges ?? []).map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </datalist>
        <datalist id="audit-projects">
          {(choices.data?.projects.edges ?? []).map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </datalist>
        <datalist id="audit-event-types">
          {seenTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </form>
      {draftProblems.length > 0 ? (
        <ul className="notice notice-error problems" role="alert">
          {draftProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {fetching ? <Loading what="the audit trail" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {page && page.totalCount === 0 ? (
        <Empty>{hasFilters(fields) ? 'No entry matches these filters.' : 'No event has been recorded yet.'}</Empty>
      ) : null}
      {page && entries.length > 0 ? (
        <>
          <p className="audit-count" role="status">
            {count(page.totalCount)} entr{page.totalCount === 1 ? 'y matches' : 'ies match'}
            {hasFilters(fields) ? ' these filters' : ''}
            {startsAt !== null ? ` · showing ${count(startsAt)}–${count(startsAt + entries.length - 1)}` : ''}
          </p>
          <DataTable<Entry>
            caption={`Audit entries, newest first${hasFilters(fields) ? ', filtered' : ''}`}
            rows={entries}
            rowKey={(entry) => entry.eventId}
            columns={[
              {
                header: 'Occurred',
                cell: (entry) => (
                  <>
                    {dateTime(entry.occurredAt)}
                    <div className="muted small">recorded {dateTime(entry.recordedAt)}</div>
                  </>
                ),
              },
              { header: 'Event type', cell: (entry) => <span className="event-type">{entry.eventType}</span> },
              {
                header: 'Actor',
                cell: (entry) => (
                  <>
                    {entry.actorId}
                    <div className="muted small">
                      {entry.actorRole}
                      {entry.actorOrganisationId ? ` · ${entry.actorOrganisationId}` : ''}
                    </div>
                  </>
                ),
              },
              {
                header: 'Project',
                cell: (entry) =>
                  entry.projectId ? (
                    <span title={entry.projectId}>{projectNames.get(entry.projectId) ?? entry.projectId}</span>
                  ) : (
                    <span className="muted">—</span>
                  ),
              },
              {
                header: 'Stream and position',
                cell: (entry) => (
                  <>
                    <code className="stream">{entry.streamId}</code>
                    <div className="muted small">
                      position <code className="position">{entry.position}</code>
                    </div>
                  </>
                ),
              },
            ]}
          />
          <nav className="pager no-print" aria-label="Audit trail pages">
            <button
              type="button"
              className="secondary"
              disabled={after === null}
              onClick={() => {
                setPrevious([]);
                goTo(null);
              }}
            >
              First page
            </button>
            <button
              type="button"
              className="secondary"
              disabled={previous.length === 0}
              onClick={() => {
                const back = previous[previous.length - 1] ?? null;
                setPrevious(previous.slice(0, -1));
                goTo(back);
              }}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!page.pageInfo.hasNextPage || !page.pageInfo.endCursor}
              onClick={() => {
                setPrevious([...previous, after]);
                goTo(page.pageInfo.endCursor ?? null);
              }}
            >
              Next page (older)
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
