import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider } from 'urql';
import { CAN, type Role } from '../auth/session';
import { useSession } from '../auth/session-context';
import { createApiClient } from '../graphql/client';
import { OperationsView } from '../views/operations/operations-view';
import { ProjectShell } from '../views/project-shell';
import { ProjectsView } from '../views/projects/projects-view';
import { RecordsView } from '../views/records/records-view';
import { ReportView } from '../views/report/report-view';
import { SignInView } from '../views/sign-in/sign-in-view';
import { SignalsView } from '../views/signals/signals-view';
import { TerritoriesView } from '../views/territories/territories-view';
import { WarningsView } from '../views/warnings/warnings-view';
import { Layout } from './layout';

/** Views behind sign-in get a GraphQL client that carries the token; the rest go to /sign-in. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  const client = useMemo(() => (session ? createApiClient(session.token) : null), [session]);
  if (!session || !client)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Provider value={client}>{children}</Provider>;
}

/** A view the role may not open says so instead of showing refusals from the API. */
function Allowed({ when, children }: { when: (role: Role) => boolean; children: ReactNode }) {
  const { session } = useSession();
  if (session && !when(session.role)) return <p role="alert">Your role may not open this view.</p>;
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInView />} />
        <Route
          path="/*"
          element={
            <SignedIn>
              <Routes>
                <Route index element={<Navigate to="/projects" replace />} />
                <Route path="projects" element={<ProjectsView />} />
                <Route path="projects/:projectId" element={<ProjectShell />}>
                  <Route index element={<Navigate to="signals" replace />} />
                  <Route path="signals" element={<SignalsView />} />
                  <Route path="warnings" element={<WarningsView />} />
                  <Route path="report" element={<ReportView />} />
                  <Route
                    path="records/*"
                    element={
                      <Allowed when={CAN.seeRecords}>
                        <RecordsView />
                      </Allowed>
                    }
                  />
                </Route>
                <Route
                  path="territories"
                  element={
                    <Allowed when={CAN.compareTerritories}>
                      <TerritoriesView />
                    </Allowed>
                  }
                />
                <Route
                  path="operations/*"
                  element={
                    <Allowed when={CAN.operate}>
                      <OperationsView />
                    </Allowed>
                  }
                />
                <Route path="*" element={<p role="alert">There is no such page.</p>} />
              </Routes>
            </SignedIn>
          }
        />
      </Route>
    </Routes>
  );
}
