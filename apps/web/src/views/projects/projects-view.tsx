import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { pilotMonth, pilotWindow } from '../../app/periods';
import { TimeTravelControls, useTimeTravel } from '../../app/time-travel';
import { date, words } from '../../ui/format';
import { Sparkline } from '../../ui/sparkline';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { SIGNALS } from '../signals/signal-series';

const ProjectsQuery = graphql(`
  query DashboardProjects {
    projects(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          phase
          territoryId
          startsOn
          pilotMonths
          pilotExtensions
        }
      }
    }
  }
`);

const SparklinesQuery = graphql(`
  query DashboardSparklines($projectId: ID!, $from: DateTime!, $to: DateTime!, $asOf: DateTime, $knownAt: DateTime) {
    signalSeries(
      scope: { projectId: $projectId }
      from: $from
      to: $to
      granularity: MONTH
      asOf: $asOf
      knownAt: $knownAt
    ) {
      periods {
        trust {
          value
        }
        engagement {
          value
        }
        partnershipCohesion {
          value
        }
        coCreationBalance {
          value
        }
      }
    }
  }
`);

function Sparklines({ projectId, window }: { projectId: string; window: { from: string; to: string } }) {
  const { asOf, knownAt } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({
    query: SparklinesQuery,
    variables: { projectId, ...window, asOf, knownAt },
  });
  if (fetching) return <span className="muted">…</span>;
  if (error || !data) return <span className="muted">signals unavailable</span>;
  return (
    <span className="sparklines">
      {SIGNALS.map(({ key, label }) => (
        <Sparkline
          key={key}
          label={label}
          values={data.signalSeries.periods.map((period) => period[key].value ?? null)}
        />
      ))}
    </span>
  );
}

/** Projects of the signed-in organisation (or carer), with where each stands and how its signals move. */
export function ProjectsView() {
  const { asOf } = useTimeTravel();
  const [{ data, error, fetching }] = useQuery({ query: ProjectsQuery });
  const at = asOf ? new Date(asOf) : new Date();
  return (
    <section aria-labelledby="projects-heading">
      <h1 id="projects-heading">Projects</h1>
      <TimeTravelControls />
      {fetching ? <Loading what="projects" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && data.projects.edges.length === 0 ? (
        <Empty>No project yet: your organisation has launched none and is a partner of none.</Empty>
      ) : null}
      {data && data.projects.edges.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>
              {data.projects.totalCount} project{data.projects.totalCount === 1 ? '' : 's'}; signals month by month over
              each pilot (trust, engagement, partnership cohesion, co-creation balance)
            </caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Phase</th>
                <th scope="col">Territory</th>
                <th scope="col">Pilot month</th>
                <th scope="col">Signals</th>
              </tr>
            </thead>
            <tbody>
              {data.projects.edges.map(({ node }) => {
                const month = pilotMonth(node.startsOn, at);
                const length = node.pilotMonths;
                const window = pilotWindow(node.startsOn, length, at);
                return (
                  <tr key={node.id}>
                    <th scope="row">
                      <Link to={`/projects/${node.id}/signals`}>{node.name}</Link>
                    </th>
                    <td>{words(node.phase)}</td>
                    <td>{node.territoryId}</td>
                    <td>
                      {month === null
                        ? `starts ${date(node.startsOn)}`
                        : month > length
                          ? `ended (${length} months)`
                          : `${month} of ${length}`}
                      {node.pilotExtensions > 0 ? ` (+${node.pilotExtensions} extension)` : ''}
                    </td>
                    <td>
                      {window ? (
                        <Sparklines projectId={node.id} window={window} />
                      ) : (
                        <span className="muted">not started</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
