import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { count, dateTime, words } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { ScrollTable } from '../table';
import { decidedBy, yesNo } from './cells';

const AttendanceQuery = graphql(`
  query RecordsActivityAttendance($id: ID!) {
    activity(id: $id) {
      id
      projectId
      topic
      kind
      status
      place
      scheduledFor
      startedAt
      durationMinutes
      ...RecordsActivityOutcome
      attendance {
        carerCount
        representativeCount
        carers {
          carerId
          pseudonym
          attendedAt
          registered
        }
        representatives {
          memberId
          organisationId
          attendedAt
        }
      }
      registrations {
        carerId
        pseudonym
        status
        registeredAt
        cancelledAt
        attended
      }
    }
  }
`);

/** How a carer is shown: by pseudonym only, never by name (and not by id either). */
function carerLabel(pseudonym: string | null | undefined): string {
  return pseudonym ?? 'a carer whose pseudonym is withheld';
}

/** "1 carer", "3 carers": the noun after a count. */
function plural(n: number, noun: string): string {
  return n === 1 ? noun : `${noun}s`;
}

/** Who attended one activity (carers by pseudonym), and who had registered. */
export function ActivityAttendance({ projectId }: { projectId: string }) {
  const { activityId = '' } = useParams();
  const [params] = useSearchParams();
  const back = `/projects/${projectId}/records/activities${params.toString() ? `?${params.toString()}` : ''}`;
  const [{ data, error, fetching }] = useQuery({ query: AttendanceQuery, variables: { id: activityId } });
  const heading = useRef<HTMLHeadingElement>(null);
  const activity = data?.activity && data.activity.projectId === projectId ? data.activity : null;
  useEffect(() => {
    if (activity) heading.current?.focus();
  }, [activity]);

  return (
    <section className="records-attendance" aria-labelledby="attendance-heading">
      <p className="no-print">
        <Link to={back}>← Back to the activities</Link>
      </p>
      {fetching ? <Loading what="the activity's attendance" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && !activity ? <Empty>There is no such activity in this project.</Empty> : null}
      {activity ? (
        <>
          <h3 id="attendance-heading" ref={heading} tabIndex={-1}>
            Attendance: {activity.topic}
          </h3>
          <dl className="records-facts records-facts-wide">
            <dt>Kind</dt>
            <dd>{words(activity.kind)}</dd>
            <dt>Status</dt>
            <dd>{words(activity.status)}</dd>
            <dt>Scheduled for</dt>
            <dd>{dateTime(activity.scheduledFor)}</dd>
            <dt>Held</dt>
            <dd>
              {activity.startedAt ? dateTime(activity.startedAt) : '—'}
              {activity.durationMinutes ? ` (${count(activity.durationMinutes)} minutes)` : ''}
            </dd>
            <dt>Place</dt>
            <dd>{activity.place}</dd>
            <dt>Carers</dt>
            <dd>
              {count(activity.carersAttended)} attended, {count(activity.registeredCarers)} registered
            </dd>
            <dt>Partner representatives</dt>
            <dd>{count(activity.representativesAttended)} attended</dd>
            {activity.cancellation ? (
              <>
                <dt>Cancelled</dt>
                <dd>
                  {dateTime(activity.cancellation.cancelledAt)}, {words(activity.cancellation.reason)}, decided by{' '}
                  {decidedBy(activity.cancellation.decidedByRole, activity.cancellation.decidedByOrganisationId)};
                  carers consulted: {yesNo(activity.cancellation.carersConsulted)}
                  {activity.cancellation.note ? `. ${activity.cancellation.note}` : ''}
                </dd>
              </>
            ) : null}
          </dl>

          <h4>Carers who attended</h4>
          {activity.attendance.carers.length === 0 ? (
            <Empty>No carer attended.</Empty>
          ) : (
            <ScrollTable
              caption={`${count(activity.attendance.carerCount)} ${plural(activity.attendance.carerCount, 'carer')}, by pseudonym`}
              columns={['Carer', 'Arrived', 'Registered beforehand']}
            >
              <tbody>
                {activity.attendance.carers.map((carer) => (
                  <tr key={carer.carerId}>
                    <th scope="row">{carerLabel(carer.pseudonym)}</th>
                    <td>{dateTime(carer.attendedAt)}</td>
                    <td>{yesNo(carer.registered)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}

          <h4>Partner representatives who attended</h4>
          {activity.attendance.representatives.length === 0 ? (
            <Empty>No partner representative attended.</Empty>
          ) : (
            <ScrollTable
              caption={`${count(activity.attendance.representativeCount)} ${plural(activity.attendance.representativeCount, 'representative')}`}
              columns={['Member', 'Organisation', 'Arrived']}
            >
              <tbody>
                {activity.attendance.representatives.map((member) => (
                  <tr key={`${member.organisationId}/${member.memberId}`}>
                    <th scope="row">{member.memberId}</th>
                    <td>{member.organisationId}</td>
                    <td>{dateTime(member.attendedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}

          <h4>Registrations</h4>
          {activity.registrations.length === 0 ? (
            <Empty>Nobody registered: this activity took no registrations.</Empty>
          ) : (
            <ScrollTable
              caption={`${count(activity.registrations.length)} ${plural(activity.registrations.length, 'registration')}, current and cancelled`}
              columns={['Carer', 'Registered', 'Status', 'Attended']}
            >
              <tbody>
                {activity.registrations.map((registration) => (
                  <tr key={`${registration.carerId}/${registration.registeredAt}`}>
                    <th scope="row">{carerLabel(registration.pseudonym)}</th>
                    <td>{dateTime(registration.registeredAt)}</td>
                    <td>
                      {words(registration.status)}
                      {registration.cancelledAt ? ` on ${dateTime(registration.cancelledAt)}` : ''}
                    </td>
                    <td>{yesNo(registration.attended)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
        </>
      ) : null}
    </section>
  );
}
