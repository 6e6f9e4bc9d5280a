import { NavLink, Outlet, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { CAN } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { words } from '../ui/format';
import { ErrorNotice, Loading } from '../ui/status';

const ProjectHeaderQuery = graphql(`
  query DashboardProjectHeader($id: ID!) {
    project(id: $id) {
      id
      name
      phase
      territoryId
    }
  }
`);

/** A project's views as tabs; the time-travel parameters follow from tab to tab. */
export function ProjectShell() {
  const { projectId = '' } = useParams();
  const [params] = useSearchParams();
  const session = useSignedIn();
  const [{ data, error, fetching }] = useQuery({ query: ProjectHeaderQuery, variables: { id: projectId } });
  const keep = params.toString() ? `?${params.toString()}` : '';
  const tabs: Array<[string, string]> = [
    ['signals', 'Signals'],
    ['warnings', 'Warnings'],
    ['report', 'Assessment report'],
    ...(CAN.seeRecords(session.role) ? ([['records', 'Records']] as Array<[string, string]>) : []),
  ];
  return (
    <div className="project">
      {fetching ? <Loading what="the project" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data?.project ? (
        <header className="project-header">
          <h1>{data.project.name}</h1>
          <p className="muted">
            {words(data.project.phase)} · territory {data.project.territoryId}
          </p>
        </header>
      ) : null}
      {data && !data.project && !error ? <p role="alert">No project {projectId}.</p> : null}
      <nav className="tabs" aria-label="Project views">
        {tabs.map(([path, label]) => (
          <NavLink key={path} to={`/projects/${projectId}/${path}${keep}`}>
            {label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
