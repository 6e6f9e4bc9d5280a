import { Link, useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { DecidedByRole, DecisionFilterInput, DecisionStatus } from '../../gql/graphql';
import { count, dateTime, words } from '../../ui/format';
import { enumValues, filterInput, pageSize, type FilterField } from './filters';
import { RecordsList, usePagedConnection, yesNo } from './paged-list';

const DecisionsQuery = graphql(`
  query RecordsDecisions($projectId: ID!, $first: Int!, $after: String, $filter: DecisionFilterInput) {
    project(id: $projectId) {
      id
      decisions(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            description
            originalDescription
            takenAt
            decidedByRole
            decidedByOrganisationId
            affectsCarers
            carersConsulted
            originallyCarersConsulted
            status
            contestedCount
            contestedByCarersCount
            lastContestedAt
            revisionCount
            lastRevisedAt
            lastRevisionReason
            activityId
            activity {
              id
              topic
            }
          }
        }
      }
    }
  }
`);

export const DECISION_STATUSES = enumValues<DecisionStatus>({ taken: true, contested: true, revised: true });
export const DECIDED_BY_ROLES = enumValues<DecidedByRole>({
  carers: true,
  committee: true,
  partnership: true,
  provider: true,
  researcher: true,
});

/** The fields of DecisionFilterInput. */
export const DECISION_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'status', label: 'Status', options: DECISION_STATUSES },
  { type: 'enum', name: 'decidedByRole', label: 'Decided by', options: DECIDED_BY_ROLES },
  { type: 'boolean', name: 'affectsCarers', label: 'Affects carers' },
  { type: 'boolean', name: 'carersConsulted', label: 'Carers consulted' },
  { type: 'boolean', name: 'contested', label: 'Contested' },
];

/** Decisions in the order they were taken: consulted or not, contested, revised. */
export function DecisionsList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const list = usePagedConnection(
    DecisionsQuery,
    {
      projectId,
      first: pageSize(params),
      filter: filterInput(DECISION_FILTERS, params) as DecisionFilterInput | null,
    },
    (data) => data.project?.decisions,
  );
  return (
    <RecordsList
      what="decisions"
      noun={{ one: 'decision', many: 'decisions' }}
      description="Decisions, in the order they were taken"
      fields={DECISION_FILTERS}
      list={list}
      empty="No decisions recorded yet."
      head={
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Decision</th>
          <th scope="col">Status</th>
          <th scope="col">Affects carers</th>
          <th scope="col">Carers consulted</th>
          <th scope="col">Contested</th>
          <th scope="col">Revised</th>
        </tr>
      }
      row={(decision) => {
        const consultedChanged = decision.originallyCarersConsulted !== decision.carersConsulted;
        return (
          <tr key={decision.id}>
            <td className="records-date">{dateTime(decision.takenAt)}</td>
            <th scope="row" className="records-main">
              {decision.description}
              <span className="records-detail">
                Decided by {words(decision.decidedByRole)}
                {decision.decidedByOrganisationId ? ` (${decision.decidedByOrganisationId})` : ''}
              </span>
              {decision.originalDescription !== decision.description ? (
                <span className="records-detail">Originally: {decision.originalDescription}</span>
              ) : null}
              {decision.activity ? (
                <span className="records-detail">
                  About{' '}
                  <Link to={`/projects/${projectId}/records/activities/${decision.activity.id}`}>
                    {decision.activity.topic}
                  </Link>
                </span>
              ) : null}
            </th>
            <td>
              <span className={`records-status records-status-${decision.status}`}>{words(decision.status)}</span>
            </td>
            <td>{yesNo(decision.affectsCarers)}</td>
            <td>
              <span className={decision.affectsCarers && !decision.carersConsulted ? 'missed' : undefined}>
                {yesNo(decision.carersConsulted)}
              </span>
              {consultedChanged ? (
                <span className="records-detail">
                  {decision.originallyCarersConsulted ? 'consulted' : 'not consulted'} when first taken
                </span>
              ) : null}
            </td>
            <td>
              {decision.contestedCount > 0 ? (
                <>
                  {count(decision.contestedCount)}×
                  <span className="records-detail">
                    {count(decision.contestedByCarersCount)} by carers
                    {decision.lastContestedAt ? `; last ${dateTime(decision.lastContestedAt)}` : ''}
                  </span>
                </>
              ) : (
                'no'
              )}
            </td>
            <td>
              {decision.revisionCount > 0 ? (
                <>
                  {count(decision.revisionCount)}×
                  <span className="records-detail">
                    {decision.lastRevisedAt ? `last ${dateTime(decision.lastRevisedAt)}` : ''}
                    {decision.lastRevisionReason ? `: ${decision.lastRevisionReason}` : ''}
                  </span>
                </>
              ) : (
                'no'
              )}
            </td>
          </tr>
        );
      }}
    />
  );
}
