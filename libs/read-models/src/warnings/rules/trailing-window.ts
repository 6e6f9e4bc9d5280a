/**
 * The rules judged over a trailing window (the last N days up to the project's clock) change only
 * at their change points: something dated entering the window, or leaving it N days later. When
 * such a rule raises a warning, it is raised at the moment history shows the condition began: the
 * earliest change point from which it held without a break up to the clock. Walked back only when
 * a warning is about to be opened, so the cost is paid once per warning, not per event.
 *
 * `points` are the change points (any order, may repeat); `holdsAt(t)` says whether the condition
 * holds for the window ending at `t`. The caller knows it holds at `clock`.
 */
export function heldSince(points: readonly number[], holdsAt: (at: number) => boolean, clock: number): number {
  const descending = [...new Set(points.filter((point) => point <= clock))].sort((a, b) => b - a);
  let since = clock;
  for (const point of descending) {
    if (!holdsAt(point)) break;
    since = point;
  }
  return since;
}

/** In the window of `days` ending at `at`: after its start, up to and including its end. */
export const inWindow = (time: number | null, at: number, windowMs: number): time is number =>
  time !== null && time > at - windowMs && time <= at;

export const DAY_MS = 86_400_000;
