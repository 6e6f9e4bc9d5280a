import { Link, useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { ActivityKind, ActivityStatus } from '../../gql/graphql';
import { count, dateTime, words } from '../../ui/format';
import { numeric } from '../table';
import { colonNote, DateCell, decidedBy, Detail, Fact, Status, yesNo } from './cells';
import { enumValues, type FilterField } from './filters';
import { ProjectRecordsList } from './paged-list';

/** How an activity turned out: who attended, or its cancellation. The list and the attendance page read it. */
graphql(`
  fragment RecordsActivityOutcome on Activity {
    carersAttended
    registeredCarers
    representativesAttended
    cancellation {
      cancelledAt
      carersConsulted
      reason
      decidedByRole
      decidedByOrganisationId
      note
    }
  }
`);

const ActivitiesQuery = graphql(`
  query RecordsActivities($projectId: ID!, $first: Int!, $after: String, $filter: ActivityFilterInput) {
    project(id: $projectId) {
      id
      activities(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...NextPage
        }
        edges {
          node {
            id
            kind
            status
            topic
            place
            scheduledFor
            originallyScheduledFor
            rescheduleCount
            lastRescheduleReason
            startedAt
            ...RecordsActivityOutcome
          }
        }
      }
    }
  }
`);

export const ACTIVITY_KINDS = enumValues<ActivityKind>({
  co_design_workshop: true,
  co_assessment_workshop: true,
  committee_meeting: true,
  information_event: true,
  peer_meeting: true,
  training_course: true,
});

export const ACTIVITY_STATUSES = enumValues<ActivityStatus>({ scheduled: true, held: true, cancelled: true });

/** The fields of ActivityFilterInput. */
export const ACTIVITY_FILTERS: readonly FilterField[] = [
  { type: 'enum', name: 'kind', label: 'Kind', options: ACTIVITY_KINDS },
  { type: 'enum', name: 'status', label: 'Status', options: ACTIVITY_STATUSES },
  { type: 'from-day', name: 'from', label: 'Scheduled from' },
  { type: 'to-day', name: 'to', label: 'Scheduled until' },
];

/** Activities by date: status, kind, when, attendance; a row opens the activity's attendance. */
export function ActivitiesList({ projectId }: { projectId: string }) {
  const [params] = useSearchParams();
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <ProjectRecordsList
      projectId={projectId}
      query={ActivitiesQuery}
      select={(data) => data.project?.activities}
      noun={{ one: 'activity', many: 'activities' }}
      description="Activities by date"
      fields={ACTIVITY_FILTERS}
      columns={[
        'Scheduled for',
        'Activity',
        'Kind',
        'Status',
        numeric('Carers attended'),
        numeric('Carers registered'),
        numeric('Partner staff attended'),
      ]}
      row={(activity) => (
        <tr key={activity.id}>
          <DateCell at={activity.scheduledFor}>
            {activity.rescheduleCount > 0 ? (
              <Detail>
                moved {count(activity.rescheduleCount)}× from {dateTime(activity.originallyScheduledFor)}
                {colonNote(activity.lastRescheduleReason)}
              </Detail>
            ) : null}
          </DateCell>
          <th scope="row" className="records-main">
            <Link to={`/projects/${projectId}/records/activities/${activity.id}${search}`}>{activity.topic}</Link>
            <Detail>{activity.place}</Detail>
          </th>
          <td>{words(activity.kind)}</td>
          <td>
            <Status status={activity.status} />
            {activity.startedAt ? <Detail>started {dateTime(activity.startedAt)}</Detail> : null}
            {activity.cancellation ? (
              <dl className="records-facts">
                <Fact term="Cancelled on">{dateTime(activity.cancellation.cancelledAt)}</Fact>
                <Fact term="Reason">{words(activity.cancellation.reason)}</Fact>
                <Fact term="Decided by">
                  {decidedBy(activity.cancellation.decidedByRole, activity.cancellation.decidedByOrganisationId)}
                </Fact>
                <Fact
                  term="Carers consulted"
                  className={activity.cancellation.carersConsulted === false ? 'missed' : undefined}
                >
                  {yesNo(activity.cancellation.carersConsulted)}
                </Fact>
                {activity.cancellation.note ? <Fact term="Note">{activity.cancellation.note}</Fact> : null}
              </dl>
            ) : null}
          </td>
          <td className="numeric">{count(activity.carersAttended)}</td>
          <td className="numeric">{count(activity.registeredCarers)}</td>
          <td className="numeric">{count(activity.representativesAttended)}</td>
        </tr>
      )}
    />
  );
}
