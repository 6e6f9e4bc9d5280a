import type { SqlExecutor } from '#database';
import type { CommitteeGoalOutcome } from '#domain';
import { LATEST, ORDER, REPORT, toDate, VISIBLE, type AtWindowEnd, type Timestamp } from './report-query.js';
import type { ReportTarget } from './report-targets.js';

export interface GoalLine {
  readonly goalId: string;
  /** Null when the goal's definition is not visible (only its assessment is). */
  readonly description: string | null;
  /** The latest judgement before the window's end; null: not assessed. */
  readonly outcome: CommitteeGoalOutcome | null;
  readonly assessedAt: Date | null;
  readonly reassessed: boolean;
}

export interface GoalsSummary {
  readonly total: number;
  readonly reached: number;
  readonly partiallyReached: number;
  readonly unfulfilled: number;
  readonly notAssessed: number;
  readonly goals: readonly GoalLine[];
  /** The target "the committee becomes self-organising". */
  readonly selfOrganising: ReportTarget;
  readonly selfOrganisingSince: Date | null;
}

/** The committee's goals and their latest judgement before the window's end ($4), in the order they were defined. */
export async function committeeGoals(database: SqlExecutor, end: AtWindowEnd): Promise<GoalLine[]> {
  const goals = await database.query<{
    goal_id: string;
    description: string | null;
    outcome: CommitteeGoalOutcome | null;
    assessed_at: Timestamp;
    reassessments: number;
  }>(
    `with facts as (
       select * from ${REPORT} x
       where x.project_id = $1 and x.kind in ('goal_defined', 'goal_assessed', 'goal_reassessed')
         and ${VISIBLE('x')} and x.occurred_at < $4::timestamptz
     )
     select subject_id as goal_id,
       (array_agg(detail ${ORDER}) filter (where kind = 'goal_defined'))[1] as description,
       min(occurred_at) filter (where kind = 'goal_defined') as defined_at,
       (array_agg(category ${LATEST}) filter (where kind <> 'goal_defined'))[1] as outcome,
       (array_agg(occurred_at ${LATEST}) filter (where kind <> 'goal_defined'))[1] as assessed_at,
       (count(*) filter (where kind = 'goal_reassessed'))::int as reassessments
     from facts group by subject_id
     order by defined_at nulls last, subject_id`,
    end,
  );
  return goals.map((goal) => ({
    goalId: goal.goal_id,
    description: goal.description,
    outcome: goal.outcome,
    assessedAt: toDate(goal.assessed_at),
    reassessed: Number(goal.reassessments) > 0,
  }));
}

/** When the committee became self-organising, if it did before the window's end ($4). */
export async function selfOrganisingSince(database: SqlExecutor, end: AtWindowEnd): Promise<Date | null> {
  const [committee] = await database.query<{ since: Timestamp }>(
    `select min(x.occurred_at) as since from ${REPORT} x
     where x.project_id = $1 and x.kind = 'committee_self_organising'
       and ${VISIBLE('x')} and x.occurred_at < $4::timestamptz`,
    end,
  );
  return toDate(committee?.since ?? null);
}

/** Goals counted by outcome, and the self-organising target. */
export function goalsSummary(lines: readonly GoalLine[], since: Date | null): GoalsSummary {
  const counted = (outcome: CommitteeGoalOutcome | null) => lines.filter((goal) => goal.outcome === outcome).length;
  return {
    total: lines.length,
    reached: counted('reached'),
    partiallyReached: counted('partially_reached'),
    unfulfilled: counted('unfulfilled'),
    notAssessed: counted(null),
    goals: lines,
    selfOrganising: {
      description: 'The citizens’ committee becomes self-organising (recorded before the window’s end)',
      value: 1,
      met: since !== null,
      outcome: since !== null ? 'met' : 'missed',
    },
    selfOrganisingSince: since,
  };
}

/** The goals section of the window ending at $4. */
export async function reportGoals(database: SqlExecutor, end: AtWindowEnd): Promise<GoalsSummary> {
  const [lines, since] = await Promise.all([committeeGoals(database, end), selfOrganisingSince(database, end)]);
  return goalsSummary(lines, since);
}
