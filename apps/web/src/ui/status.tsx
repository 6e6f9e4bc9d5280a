import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { describeError } from '../graphql/errors';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNotice({ error }: { error: CombinedError }) {
  const { message, reason } = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {reason ? <p className="muted">Reason: {reason}</p> : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** Why a figure is missing: suppressed for a small group, or nothing to count yet. */
export function Suppressed({ minCarers }: { minCarers?: number | null }) {
  return (
    <span className="suppressed" title="Withheld so that no carer can be singled out">
      withheld: fewer than {minCarers ?? 5} carers
    </span>
  );
}
