import { count, dateTime, decimal, percent } from '../../ui/format';

export type ProjectionState = 'running' | 'catching_up' | 'rebuilding' | 'paused' | 'failed';

/** The fields of ProjectionStatus the operations view reads. */
export interface StatusLike {
  readonly name: string;
  readonly state: ProjectionState;
  readonly generation: number;
  readonly updatedAt: string;
  readonly lagEvents?: number | null;
  readonly lagSeconds?: number | null;
  readonly rebuild?: {
    readonly generation: number;
    readonly progress?: number | null;
    readonly eventsProcessed: number;
    readonly eventsRemaining?: number | null;
  } | null;
  readonly logHeldBack?: {
    readonly transactionId: string;
    readonly pid: number;
    readonly since: string;
    readonly seconds: number;
  } | null;
}

export type ProjectionAction = 'pause' | 'resume' | 'retry' | 'skip' | 'rebuild';

/** What an admin may do with a projection in its state; skip and rebuild ask for confirmation first. */
export function actionsFor(status: Pick<StatusLike, 'state' | 'rebuild'>): readonly ProjectionAction[] {
  const actions: ProjectionAction[] = [];
  if (status.state === 'paused') actions.push('resume');
  else if (status.state !== 'failed') actions.push('pause');
  if (status.state === 'failed') actions.push('retry', 'skip');
  if (!status.rebuild && status.state !== 'rebuilding') actions.push('rebuild');
  return actions;
}

export const NEEDS_CONFIRMATION: ReadonlySet<ProjectionAction> = new Set(['skip', 'rebuild']);

export const ACTION_LABELS: Record<ProjectionAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  retry: 'Retry',
  skip: 'Skip event',
  rebuild: 'Rebuild',
};

/** What happened, said after an action: "directory paused". */
export const ACTION_DONE: Record<ProjectionAction, string> = {
  pause: 'paused',
  resume: 'resumed',
  retry: 'retried',
  skip: 'moved its failed event to the dead letters',
  rebuild: 'rebuild started',
};

export const STATE_WORDS: Record<ProjectionState, string> = {
  running: 'running',
  catching_up: 'catching up',
  rebuilding: 'rebuilding',
  paused: 'paused',
  failed: 'failed',
};

/**
 * The newest list: a pushed list replaces the shown one, but a single status a mutation returned
 * stays until a list at least as recent arrives (a push may be computed just before the change).
 */
export function mergeStatuses<S extends StatusLike>(shown: readonly S[], incoming: readonly S[]): S[] {
  const byName = new Map(shown.map((status) => [status.name, status]));
  return incoming.map((status) => {
    const previous = byName.get(status.name);
    return previous && previous.updatedAt > status.updatedAt ? previous : status;
  });
}

/** The list with one projection's status replaced (or added). */
export function replaceStatus<S extends StatusLike>(shown: readonly S[], status: S): S[] {
  return shown.some((s) => s.name === status.name)
    ? shown.map((s) => (s.name === status.name ? status : s))
    : [...shown, status];
}

export function lagEventsText(lagEvents: number | null | undefined): string {
  return lagEvents === null || lagEvents === undefined
    ? 'unknown'
    : `${count(lagEvents)} event${lagEvents === 1 ? '' : 's'}`;
}

export function lagSecondsText(lagSeconds: number | null | undefined): string {
  if (lagSeconds === null || lagSeconds === undefined) return 'unknown';
  if (lagSeconds < 60) return `${decimal(lagSeconds, 1)} s`;
  if (lagSeconds < 3600) return `${decimal(lagSeconds / 60, 1)} min`;
  return `${decimal(lagSeconds / 3600, 1)} h`;
}

/** "Generation 3: 45% (1,200 events processed, 1,466 to go)". */
export function rebuildText(rebuild: NonNullable<StatusLike['rebuild']>): string {
  const done =
    rebuild.progress === null || rebuild.progress === undefined ? 'progress unknown' : percent(rebuild.progress);
  const remaining =
    rebuild.eventsRemaining === null || rebuild.eventsRemaining === undefined
      ? ''
      : `, ${count(rebuild.eventsRemaining)} to go`;
  return `Rebuilding generation ${rebuild.generation}: ${done} (${count(rebuild.eventsProcessed)} events processed${remaining})`;
}

export function logHoldText(hold: NonNullable<StatusLike['logHeldBack']>): string {
  return `An append held open for ${lagSecondsText(hold.seconds)} holds the log back: transaction ${hold.transactionId}, server process ${hold.pid}, since ${dateTime(hold.since)}.`;
}
