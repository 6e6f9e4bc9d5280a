import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { DecidedByRole, DecisionStatus } from '../../gql/graphql';
import { count, dateTime } from '../../ui/format';
import { colonNote, DateCell, decidedBy, Detail, Status, yesNo } from './cells';
import { enumValues, type FilterField } from './filters';
import { ProjectRecordsList } from './paged-list';

const DecisionsQuery = graphql(`
  query RecordsDecisions($projectId: ID!, $first: Int!, $after: String, $filter: DecisionFilterInput) {
    project(id: $projectId) {
      id
      decisions(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
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
            carerInvolvement
            status
            contestedCount
            contestedByCarersCount
            lastContestedAt
            revisionCount
            lastRevisedAt
            lastRevisionReason
            activities {
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
  return (
    <ProjectRecordsList
      projectId={projectId}
      query={DecisionsQuery}
      select={(data) => data.project?.decisions}
      noun={{ one: 'decision', many: 'decisions' }}
      description="Decisions, in the order they were taken"
      fields={DECISION_FILTERS}
      columns={['Taken', 'Decision', 'Status', 'Affects carers', 'Carers consulted', 'Contested', 'Revised']}
      row={(decision) => (
        <tr key={decision.id}>
          <DateCell at={decision.takenAt} />
          <th scope="row" className="records-main">
            {decision.description}
            <Detail>Decided by {decidedBy(decision.decidedByRole, decision.decidedByOrganisationId)}</Detail>
            {decision.originalDescription !== decision.description ? (
              <Detail>Originally: {decision.originalDescription}</Detail>
            ) : null}
            {decision.activities.length > 0 ? (
              <Detail>
                About{' '}
                {decision.activities.map((activity, index) => (
                  <span key={activity.id}>
                    {index > 0 ? ', ' : null}
                    <Link to={`/projects/${projectId}/records/activities/${activity.id}`}>{activity.topic}</Link>
                  </span>
                ))}
              </Detail>
            ) : null}
          </th>
          <td>
            <Status status={decision.status} />
          </td>
          <td>{yesNo(decision.affectsCarers)}</td>
          <td>
            <span className={decision.affectsCarers && !decision.carersConsulted ? 'missed' : undefined}>
              {yesNo(decision.carersConsulted)}
            </span>
            {decision.originallyCarersConsulted !== decision.carersConsulted ? (
              <Detail>{decision.originallyCarersConsulted ? 'consulted' : 'not consulted'} when first taken</Detail>
            ) : null}
            {decision.carerInvolvement ? (
              <Detail>Involvement: {decision.carerInvolvement.replace('_', '-')}</Detail>
            ) : null}
          </td>
          <td>
            {decision.contestedCount > 0 ? (
              <>
                {count(decision.contestedCount)}×
                <Detail>
                  {count(decision.contestedByCarersCount)} by carers
                  {decision.lastContestedAt ? `; last ${dateTime(decision.lastContestedAt)}` : ''}
                </Detail>
              </>
            ) : (
              'no'
            )}
          </td>
          <td>
            {decision.revisionCount > 0 ? (
              <>
                {count(decision.revisionCount)}×
                <Detail>
                  {decision.lastRevisedAt ? `last ${dateTime(decision.lastRevisedAt)}` : ''}
                  {colonNote(decision.lastRevisionReason)}
                </Detail>
              </>
            ) : (
              'no'
            )}
          </td>
        </tr>
      )}
    />
  );
}
