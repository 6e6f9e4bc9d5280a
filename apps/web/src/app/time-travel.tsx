import { useCallback, useMemo } from 'react';
import { dateTime } from '../ui/format';
import { useQueryParams } from './search-params';

/** The moment a view shows, kept in the URL (`?asOf=…&knownAt=…`) so a link shows the same history. */
export interface TimeTravel {
  /** What had happened by then (null: now). */
  readonly asOf: string | null;
  /** What the platform had recorded by then (null: now). */
  readonly knownAt: string | null;
  set(next: { asOf?: string | null; knownAt?: string | null }): void;
}

/** `2025-06-30` (a day the user picked) → the end of that day, UTC, as the API's DateTime. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59.999Z`).toISOString();
}

export function dayOf(moment: string | null): string {
  return moment ? moment.slice(0, 10) : '';
}

export function useTimeTravel(): TimeTravel {
  const [params, setParams] = useQueryParams();
  const asOf = params.get('asOf');
  const knownAt = params.get('knownAt');
  const set = useCallback(
    (next: { asOf?: string | null; knownAt?: string | null }) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value === undefined) continue;
            if (value === null) updated.delete(key);
            else updated.set(key, value);
          }
          return updated;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return useMemo(() => ({ asOf, knownAt, set }), [asOf, knownAt, set]);
}

/** A day picker for one of the two moments: the day picked stands for its end; cleared, for now. */
function MomentPicker({
  label,
  moment,
  max,
  onPick,
}: {
  label: string;
  moment: string | null;
  max: string;
  onPick: (moment: string | null) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="date"
        max={max}
        value={dayOf(moment)}
        onChange={(event) => onPick(event.target.value ? endOfDay(event.target.value) : null)}
      />
    </label>
  );
}

/** Date pickers for asOf and knownAt, and what is shown, said in words. */
export function TimeTravelControls() {
  const { asOf, knownAt, set } = useTimeTravel();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="time-travel" aria-label="Time travel">
      <MomentPicker label="As of" moment={asOf} max={today} onPick={(next) => set({ asOf: next })} />
      <MomentPicker label="Known at" moment={knownAt} max={today} onPick={(next) => set({ knownAt: next })} />
      {asOf || knownAt ? (
        <button type="button" onClick={() => set({ asOf: null, knownAt: null })}>
          Back to now
        </button>
      ) : null}
      <TimeTravelBanner asOf={asOf} knownAt={knownAt} />
    </section>
  );
}

export function TimeTravelBanner({ asOf, knownAt }: { asOf: string | null; knownAt: string | null }) {
  if (!asOf && !knownAt) return <p className="banner banner-now">Showing now.</p>;
  const parts = [
    asOf ? `what had happened by ${dateTime(asOf)}` : null,
    knownAt ? `as the platform knew it on ${dateTime(knownAt)}` : null,
  ].filter(Boolean);
  return (
    <p className="banner banner-past" role="status">
      Showing history: {parts.join(', ')}.
    </p>
  );
}
