import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { sessionOf, type Role } from '../../auth/session';
import { useSession } from '../../auth/session-context';

const ROLES: readonly Role[] = ['provider', 'researcher', 'analyst', 'carer', 'admin'];
/** The demo's organisations (`npm run seed:demo`), offered as suggestions only. */
const DEMO_ORGANISATIONS = ['org-home-care', 'org-university', 'org-institute', 'org-larch-house', 'org-st-roch'];

type DevSigner = 'unknown' | 'available' | 'off';

/** Is the development signer there? Only development servers have it. */
async function probeDevSigner(): Promise<DevSigner> {
  try {
    const response = await fetch('/auth/dev-token');
    return response.ok ? 'available' : 'off';
  } catch {
    return 'off';
  }
}

export function SignInView() {
  const { session, signIn } = useSession();
  const location = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [devSigner, setDevSigner] = useState<DevSigner>('unknown');
  const [role, setRole] = useState<Role>('provider');
  const [organisationId, setOrganisationId] = useState('org-home-care');
  const [subject, setSubject] = useState('');

  useEffect(() => {
    void probeDevSigner().then(setDevSigner);
  }, []);

  const from = (location.state as { from?: string } | null)?.from ?? '/projects';
  if (session) return <Navigate to={from} replace />;

  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    const next = sessionOf(token);
    if (!next) {
      setError('This is not a valid platform token, or it has expired.');
      return;
    }
    signIn(next);
  };

  const useDevSigner = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        role,
        ...(role === 'carer' || role === 'admin' || !organisationId ? {} : { organisationId }),
        ...(subject ? { subject } : {}),
      }),
    });
    const body = (await response.json()) as { accessToken?: string; error?: { message?: string } };
    const next = body.accessToken ? sessionOf(body.accessToken) : null;
    if (!response.ok || !next) {
      setError(body.error?.message ?? `The development sign-in refused (${response.status}).`);
      return;
    }
    signIn(next);
  };

  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={usePasted} aria-labelledby="paste-heading">
        <h2 id="paste-heading">With a token</h2>
        <p className="muted">
          Paste a token from your organisation, or from <code>npm run -s token -- --role admin | tail -n 1</code>. It is
          kept for this browser tab only.
        </p>
        <label htmlFor="token">Token</label>
        <textarea id="token" rows={4} value={token} onChange={(event) => setToken(event.target.value)} required />
        <button type="submit">Sign in</button>
      </form>
      {devSigner === 'available' ? (
        <form onSubmit={(event) => void useDevSigner(event)} aria-labelledby="dev-heading">
          <h2 id="dev-heading">Development sign-in</h2>
          <p className="muted">Only on a development server: act as any role, for trying the dashboard.</p>
          <label htmlFor="role">Role</label>
          <select id="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          {role === 'carer' || role === 'admin' ? null : (
            <>
              <label htmlFor="organisation">Organisation</label>
              <input
                id="organisation"
                list="demo-organisations"
                value={organisationId}
                onChange={(event) => setOrganisationId(event.target.value)}
                required
              />
              <datalist id="demo-organisations">
                {DEMO_ORGANISATIONS.map((id) => (
                  <option key={id} value={id} />
                ))}
              </datalist>
            </>
          )}
          <label htmlFor="subject">{role === 'carer' ? 'Carer id' : 'Your id (optional)'}</label>
          <input
            id="subject"
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            required={role === 'carer'}
          />
          <button type="submit">Get a development token</button>
        </form>
      ) : null}
    </div>
  );
}
