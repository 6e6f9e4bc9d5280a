import { NavLink, Outlet } from 'react-router-dom';
import { CAN } from '../auth/session';
import { useSession } from '../auth/session-context';
import { words } from '../ui/format';

export function Layout() {
  const { session, signOut } = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Co-production platform</span>
        {session ? (
          <>
            <nav aria-label="Main">
              <NavLink to="/projects">Projects</NavLink>
              {CAN.compareTerritories(session.role) ? <NavLink to="/territories">Territories</NavLink> : null}
              {CAN.operate(session.role) ? <NavLink to="/operations">Operations</NavLink> : null}
            </nav>
            <span className="who">
              {words(session.role)}
              {session.organisationId ? ` · ${session.organisationId}` : ''}
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
