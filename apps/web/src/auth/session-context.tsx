import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { storedSession, storeSession, type Session } from './session';

interface SessionState {
  readonly session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => storedSession());
  const signIn = useCallback((next: Session) => {
    storeSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    storeSession(null);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session; only for views behind the sign-in guard. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
