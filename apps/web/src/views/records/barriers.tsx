import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { BarrierFilterInput, BarrierStatus } from '../../gql/graphql';
import { count, dateTime, decimal, words } from '../../ui/format';
import { enumValues, filterInput, pageSize, type FilterField } from './filters';
import { CODE_PATTERN, OBSERVATION_LEVELS, OBSERVATION_STAGES, OBSERVATION_TAXONOMIES } from './observations';
import { Code, RecordsList, usePagedConnection } from './paged-list';

const BarriersQuery = graphql(`
  query RecordsBarriers($projectId: ID!, $first: Int!, $after: String, $filter: BarrierFilterInput) {
    project(id: $projectId) {
      id
      barriers(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            code
            description
            taxonomy
            level
            stage
            status
            inabilityKind
            observedAt
            daysToFirstAction
            resolution
            resolvedAt
            reopenCount
            lastReopenedAt
            lastReopenReason
            actions {
              actionId
              description
              takenAt
              takenByOrganisationId
              takenByOrganisation {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const BARRIER_STATUSES = enumValues<BarrierStatus>({ open: true, resolved: true });

/** The fields of BarrierFilterInput. */
export const BARRIER_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'status', label: 'Status', options: BARRIER_STATUSES },
  { type: 'enum', name: 'taxonomy', label: 'Taxonomy', options: OBSERVATION_TAXONOMIES },
  { type: 'text', name: 'code', label: 'Code', pattern: CODE_PATTERN },
  { type: 'enum', name: 'level', label: 'Level', options: OBSERVATION_LEVELS },
  { type: 'enum', name: 'stage', label: 'Stage', options: OBSERVATION_STAGES },
];

/** Barriers in the order they were observed, with the adjustment actions taken against each. */
export function BarriersList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const list = usePagedConnection(
    BarriersQuery,
    {
      projectId,
      first: pageSize(params),
      filter: filterInput(BARRIER_FILTERS, params) as BarrierFilterInput | null,
    },
    (data) => data.project?.barriers,
  );
  return (
    <RecordsList
      what="barriers"
      noun={{ one: 'barrier', many: 'barriers' }}
      description="Barriers, in the order they were observed, with their adjustment actions"
      fields={BARRIER_FILTERS}
      list={list}
      empty="No barriers recorded yet."
      head={
        <tr>
          <th scope="col">Observed</th>
          <th scope="col">Barrier</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">
            Days to first action
          </th>
          <th scope="col">Adjustment actions</th>
        </tr>
      }
      row={(barrier) => (
        <tr key={barrier.id}>
          <td className="records-date">{dateTime(barrier.observedAt)}</td>
          <th scope="row" className="records-main">
            <Code value={barrier.code} />
            <span className="records-detail records-detail-plain">{barrier.description}</span>
            <span className="records-detail">
              {words(barrier.taxonomy)} · {words(barrier.level)} level, {words(barrier.stage)}
              {barrier.inabilityKind ? ` · ${words(barrier.inabilityKind)}` : ''}
            </span>
          </th>
          <td className="records-status-cell">
            <span className={`records-status records-status-${barrier.status}`}>{words(barrier.status)}</span>
            {barrier.resolvedAt ? (
              <span className="records-detail">
                on {dateTime(barrier.resolvedAt)}
                {barrier.resolution ? `: ${barrier.resolution}` : ''}
              </span>
            ) : null}
            {barrier.reopenCount > 0 ? (
              <span className="records-detail">
                Reopened {count(barrier.reopenCount)}×
                {barrier.lastReopenedAt ? `, last ${dateTime(barrier.lastReopenedAt)}` : ''}
                {barrier.lastReopenReason ? `: ${barrier.lastReopenReason}` : ''}
              </span>
            ) : null}
          </td>
          <td className="numeric">
            {barrier.daysToFirstAction === null || barrier.daysToFirstAction === undefined
              ? '—'
              : decimal(barrier.daysToFirstAction, 1)}
          </td>
          <td className="records-text">
            {barrier.actions.length === 0 ? (
              <span className="missed">none yet</span>
            ) : (
              <ol className="records-actions">
                {barrier.actions.map((action) => (
                  <li key={action.actionId}>
                    <span className="records-when">{dateTime(action.takenAt)}</span> {action.description}
                    <span className="records-detail">
                      by {action.takenByOrganisation?.name ?? action.takenByOrganisationId}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </td>
        </tr>
      )}
    />
  );
}
