import { graphql } from '../../gql';
import type { BarrierStatus } from '../../gql/graphql';
import { count, dateTime, decimal, words } from '../../ui/format';
import { numeric } from '../table';
import { Code, colonNote, DateCell, Detail, Status } from './cells';
import { enumValues, type FilterField } from './filters';
import { CODE_FILTER, LEVEL_FILTER, STAGE_FILTER, TAXONOMY_FILTER } from './observations';
import { ProjectRecordsList } from './paged-list';

const BarriersQuery = graphql(`
  query RecordsBarriers($projectId: ID!, $first: Int!, $after: String, $filter: BarrierFilterInput) {
    project(id: $projectId) {
      id
      barriers(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
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
  TAXONOMY_FILTER,
  CODE_FILTER,
  LEVEL_FILTER,
  STAGE_FILTER,
];

/** Barriers in the order they were observed, with the adjustment actions taken against each. */
export function BarriersList({ projectId }: { projectId: string }) {
  return (
    <ProjectRecordsList
      projectId={projectId}
      query={BarriersQuery}
      select={(data) => data.project?.barriers}
      noun={{ one: 'barrier', many: 'barriers' }}
      description="Barriers, in the order they were observed, with their adjustment actions"
      fields={BARRIER_FILTERS}
      columns={['Observed', 'Barrier', 'Status', numeric('Days to first action'), 'Adjustment actions']}
      row={(barrier) => (
        <tr key={barrier.id}>
          <DateCell at={barrier.observedAt} />
          <th scope="row" className="records-main">
            <Code value={barrier.code} />
            <Detail plain>{barrier.description}</Detail>
            <Detail>
              {words(barrier.taxonomy)} · {words(barrier.level)} level, {words(barrier.stage)}
              {barrier.inabilityKind ? ` · ${words(barrier.inabilityKind)}` : ''}
            </Detail>
          </th>
          <td className="records-status-cell">
            <Status status={barrier.status} />
            {barrier.resolvedAt ? (
              <Detail>
                on {dateTime(barrier.resolvedAt)}
                {colonNote(barrier.resolution)}
              </Detail>
            ) : null}
            {barrier.reopenCount > 0 ? (
              <Detail>
                Reopened {count(barrier.reopenCount)}×
                {barrier.lastReopenedAt ? `, last ${dateTime(barrier.lastReopenedAt)}` : ''}
                {colonNote(barrier.lastReopenReason)}
              </Detail>
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
                    <Detail>by {action.takenByOrganisation?.name ?? action.takenByOrganisationId}</Detail>
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
