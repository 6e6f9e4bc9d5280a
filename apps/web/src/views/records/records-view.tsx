import type { ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import { useTimeTravel } from '../../app/time-travel';
import { ActivitiesList } from './activities';
import { ActivityAttendance } from './activity-attendance';
import { BarriersList } from './barriers';
import { DecisionsList } from './decisions';
import { EvidenceList } from './evidence';
import { keptParams } from './filters';
import { ObservationsList } from './observations';
import { SuggestionsList } from './suggestions';
import './records.css';

/** The lists of records, each at /projects/:projectId/records/<path>; its filters are in the search params. */
export const RECORD_LISTS = [
  ['activities', 'Activities'],
  ['decisions', 'Decisions'],
  ['suggestions', 'Suggestions'],
  ['evidence', 'Evidence'],
  ['observations', 'Coded observations'],
  ['barriers', 'Barriers'],
] as const;

/** The list shown at each path of RECORD_LISTS. */
const LIST_VIEWS: Record<(typeof RECORD_LISTS)[number][0], (props: { projectId: string }) => ReactNode> = {
  activities: ActivitiesList,
  decisions: DecisionsList,
  suggestions: SuggestionsList,
  evidence: EvidenceList,
  observations: ObservationsList,
  barriers: BarriersList,
};

function RecordsPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="records-page" aria-labelledby="records-page-heading">
      <h2 id="records-page-heading">{title}</h2>
      {children}
    </section>
  );
}

/**
 * What the project recorded: activities and their attendance, decisions, suggestions, evidence with
 * its coded observations, barriers and their adjustment actions. Carers do not get this view.
 */
export function RecordsView() {
  const { projectId = '' } = useParams();
  const [params] = useSearchParams();
  const { asOf, knownAt } = useTimeTravel();
  const keep = keptParams(params);
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <div className="records">
      <nav className="records-nav" aria-label="Records">
        {RECORD_LISTS.map(([path, label]) => (
          <NavLink key={path} to={`/projects/${projectId}/records/${path}${keep}`}>
            {label}
          </NavLink>
        ))}
      </nav>
      {asOf || knownAt ? (
        <p className="banner banner-past">
          Records are shown as they stand now: time travel applies to the signals, warnings and report.
        </p>
      ) : null}
      <Routes>
        <Route index element={<Navigate to={`activities${search}`} replace />} />
        <Route
          path="activities/:activityId"
          element={
            <RecordsPage title="Activities">
              <ActivityAttendance projectId={projectId} />
            </RecordsPage>
          }
        />
        {RECORD_LISTS.map(([path, title]) => {
          const List = LIST_VIEWS[path];
          return (
            <Route
              key={path}
              path={path}
              element={
                <RecordsPage title={title}>
                  <List projectId={projectId} />
                </RecordsPage>
              }
            />
          );
        })}
        <Route path="*" element={<p role="alert">There is no such list of records.</p>} />
      </Routes>
    </div>
  );
}
