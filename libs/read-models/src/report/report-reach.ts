import type { SqlExecutor } from '#database';
import { round } from '../shared/index.js';
import { SIGNALS, VISIBLE, type AtWindowEnd } from './report-query.js';
import type { ReportSettings } from './report-settings.js';
import { EPSILON, SHOWN, type Suppressible, type TargetOutcome } from './report-targets.js';

/** `carerCount`/`suppressed` cover distinctCarers, share and met (eligible and the target are settings). */
export interface ReachLine extends Suppressible {
  /** Distinct carers who attended at least one activity held before the window's end; null only when withheld. */
  readonly distinctCarers: number | null;
  readonly eligible: number | null;
  /** distinctCarers / eligible. */
  readonly share: number | null;
  /** The reach share target in force at the window's end. */
  readonly target: number | null;
  /** eligible × target. */
  readonly targetCarers: number | null;
  readonly met: boolean | null;
  /** Met or missed (attendance is recorded as it happens: nobody is a measured 0); withheld; null without a target. */
  readonly outcome: TargetOutcome | null;
}

/** Distinct carers who attended an activity held before the window's end ($4), since the project began. */
export async function reachedCarers(database: SqlExecutor, end: AtWindowEnd): Promise<string[]> {
  const [row] = await database.query<{ carers: string[] | null }>(
    `with facts as (
       select * from ${SIGNALS} x
       where x.project_id = $1 and x.kind in ('activity_held', 'carer_attended') and ${VISIBLE('x')}
     ),
     held as (
       select distinct subject_id from facts where kind = 'activity_held' and occurred_at < $4::timestamptz
     )
     select array_agg(distinct f.carer_id) as carers
     from facts f join held h on h.subject_id = f.subject_id
     where f.kind = 'carer_attended' and f.carer_id is not null`,
    end,
  );
  return row?.carers ?? [];
}

/** The carers reached against eligible × the reach share in force; no target without settings. */
export function reachLine(carers: readonly string[], settings: ReportSettings | null): ReachLine {
  const distinctCarers = carers.length;
  const counted = { distinctCarers, carerCount: distinctCarers, ...SHOWN };
  if (!settings) {
    return { ...counted, eligible: null, share: null, target: null, targetCarers: null, met: null, outcome: null };
  }
  const eligible = settings.eligibleCarers;
  const target = settings.targets.reachShare;
  const targetCarers = round(eligible * target);
  const met = distinctCarers >= targetCarers - EPSILON;
  return {
    ...counted,
    eligible,
    share: eligible > 0 ? round(distinctCarers / eligible) : null,
    target,
    targetCarers,
    met,
    outcome: met ? 'met' : 'missed',
  };
}
