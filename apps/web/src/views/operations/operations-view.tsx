import { NavLink, Route, Routes } from 'react-router-dom';
import { AuditPanel } from './audit-panel';
import { DeadLettersPanel } from './dead-letters-panel';
import { ProjectionsPanel } from './projections-panel';
import './operations.css';

/** Admins operate the platform: projections (live), dead letters, the audit trail; each a tab with its own URL. */
export function OperationsView() {
  return (
    <section aria-labelledby="operations-heading" className="operations">
      <h1 id="operations-heading">Operations</h1>
      <nav className="tabs" aria-label="Operations views">
        <NavLink to="/operations" end>
          Projections
        </NavLink>
        <NavLink to="/operations/dead-letters">Dead letters</NavLink>
        <NavLink to="/operations/audit">Audit trail</NavLink>
      </nav>
      <Routes>
        <Route index element={<ProjectionsPanel />} />
        <Route path="dead-letters" element={<DeadLettersPanel />} />
        <Route path="audit" element={<AuditPanel />} />
        <Route path="*" element={<p role="alert">There is no such operations page.</p>} />
      </Routes>
    </section>
  );
}
