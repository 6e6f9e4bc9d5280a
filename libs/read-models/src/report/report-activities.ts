import type { SqlExecutor } from '#database';
import { ACTIVITY_KINDS, type ActivityKind } from '#domain';
import { ORDER, REPORT, SIGNALS, VISIBLE, type InWindow } from './report-query.js';
import type { ReportSettings } from './report-settings.js';
import {
  cadenceTarget,
  mean,
  SHOWN,
  threshold,
  type ReportTarget,
  type ReportTargets,
  type Suppressible,
} from './report-targets.js';

export interface ReportScore extends Suppressible {
  /** Mean score in [0, 1]; null when nobody answered, or when withheld. */
  readonly average: number | null;
  /** Null only when withheld. */
  readonly answered: number | null;
  /** The threshold in force at the window's end; null when no launch is visible. */
  readonly target: ReportTarget | null;
}

/**
 * The activity figures; `carerCount`/`suppressed` cover the attendance figures (attendances,
 * averageAttendees, distinctAttendees): understanding and satisfaction carry their own.
 */
export interface ActivityFigures extends Suppressible {
  readonly held: number;
  readonly cancelled: number;
  /** Carer attendances at the held activities (one per carer and activity); null only when withheld. */
  readonly attendances: number | null;
  /** attendances / held; null when none was held, or when withheld. */
  readonly averageAttendees: number | null;
  /** Null only when withheld. */
  readonly distinctAttendees: number | null;
  readonly understanding: ReportScore;
  readonly satisfaction: ReportScore;
}

export interface ActivityKindLine extends ActivityFigures {
  readonly kind: ActivityKind;
  /** The cadence target; null for kinds without one (workshops, information events). */
  readonly target: ReportTarget | null;
}

export interface ActivitiesSection {
  /** One line per activity kind, in the order of ACTIVITY_KINDS. */
  readonly lines: ActivityKindLine[];
  /** Every activity, whatever its kind. */
  readonly overall: ActivityFigures;
  /** Every carer behind an attendance, an after-quiz or a satisfaction response (anonymous ones included). */
  readonly carers: ReadonlySet<string>;
}

/** One activity held or cancelled in the window, with its carers, after-quizzes and satisfaction responses. */
export interface ActivityRow {
  activity_kind: string | null;
  held: boolean;
  cancelled: boolean;
  carers: string[] | null;
  quizzes: number;
  quiz_sum: number | null;
  quiz_carers: string[] | null;
  surveys: number;
  survey_sum: number | null;
  respondents: string[] | null;
}

/** The activities held or cancelled in the window ($4/$5). */
export function activitiesInWindow(database: SqlExecutor, bounds: InWindow): Promise<ActivityRow[]> {
  return database.query<ActivityRow>(
    `with facts as (
       select * from ${SIGNALS} x
       where x.project_id = $1
         and x.kind in ('activity_scheduled', 'activity_held', 'activity_cancelled', 'carer_attended',
                        'quiz_answered', 'survey_answered')
         and ${VISIBLE('x')}
     ),
     instruments as (
       select i.subject_id as instrument_id, (array_agg(i.category ${ORDER}))[1] as measures
       from ${REPORT} i where i.kind = 'instrument_registered' and ${VISIBLE('i')}
       group by i.subject_id
     ),
     activities as (
       select subject_id,
         max(category) filter (where kind = 'activity_scheduled') as activity_kind,
         min(occurred_at) filter (where kind = 'activity_held') as held_at,
         min(occurred_at) filter (where kind = 'activity_cancelled') as cancelled_at,
         array_agg(distinct carer_id) filter (where kind = 'carer_attended' and carer_id is not null) as carers,
         (count(*) filter (where kind = 'quiz_answered' and category = 'after' and total > 0))::int as quizzes,
         (sum(amount / total) filter (where kind = 'quiz_answered' and category = 'after' and total > 0))::float8 as quiz_sum,
         array_agg(distinct carer_id) filter (where kind = 'quiz_answered' and category = 'after' and total > 0
                                              and carer_id is not null) as quiz_carers
       from facts
       where kind <> 'survey_answered'
       group by subject_id
     ),
     surveys as (
       select s.subject_id, count(*)::int as surveys, sum(s.amount)::float8 as survey_sum,
         -- An anonymous response counts as a carer of its own: respondents cannot be told apart.
         array_agg(distinct coalesce(s.carer_id, 'anonymous:' || s.event_id)) as respondents
       from facts s left join instruments i on i.instrument_id = s.detail
       where s.kind = 'survey_answered' and s.amount is not null
         and (i.measures is null or i.measures = 'satisfaction')
       group by s.subject_id
     )
     select a.activity_kind,
       coalesce(a.held_at >= $4::timestamptz and a.held_at < $5::timestamptz, false) as held,
       coalesce(a.cancelled_at >= $4::timestamptz and a.cancelled_at < $5::timestamptz, false) as cancelled,
       a.carers, a.quizzes, a.quiz_sum, a.quiz_carers, coalesce(s.surveys, 0)::int as surveys, s.survey_sum,
       s.respondents
     from activities a left join surveys s on s.subject_id = a.subject_id
     where (a.held_at >= $4::timestamptz and a.held_at < $5::timestamptz)
        or (a.cancelled_at >= $4::timestamptz and a.cancelled_at < $5::timestamptz)`,
    bounds,
  );
}

/** The figures of some activities, and the carers behind them; the scores only count held activities. */
function figuresOf(
  rows: readonly ActivityRow[],
  targets: ReportTargets | null,
): { figures: ActivityFigures; carers: Set<string> } {
  const held = rows.filter((row) => row.held);
  const distinct = new Set<string>();
  const quizCarers = new Set<string>();
  const respondents = new Set<string>();
  let attendances = 0;
  let quizzes = 0;
  let quizSum = 0;
  let surveys = 0;
  let surveySum = 0;
  for (const row of held) {
    for (const carer of row.carers ?? []) distinct.add(carer);
    for (const carer of row.quiz_carers ?? []) quizCarers.add(carer);
    for (const carer of row.respondents ?? []) respondents.add(carer);
    attendances += row.carers?.length ?? 0;
    quizzes += Number(row.quizzes);
    quizSum += Number(row.quiz_sum ?? 0);
    surveys += Number(row.surveys);
    surveySum += Number(row.survey_sum ?? 0);
  }
  const understanding = mean(quizSum, quizzes);
  const satisfaction = mean(surveySum, surveys);
  const figures: ActivityFigures = {
    held: held.length,
    cancelled: rows.filter((row) => row.cancelled).length,
    attendances,
    averageAttendees: mean(attendances, held.length),
    distinctAttendees: distinct.size,
    carerCount: distinct.size,
    ...SHOWN,
    understanding: {
      average: understanding,
      answered: quizzes,
      carerCount: quizCarers.size,
      ...SHOWN,
      target: targets
        ? threshold('understanding', 'post-course quiz score', targets.understandingThreshold, understanding)
        : null,
    },
    satisfaction: {
      average: satisfaction,
      answered: surveys,
      carerCount: respondents.size,
      ...SHOWN,
      target: targets
        ? threshold('satisfaction', 'normalised survey score', targets.satisfactionThreshold, satisfaction)
        : null,
    },
  };
  return { figures, carers: new Set([...distinct, ...quizCarers, ...respondents]) };
}

/** Lines per activity kind (with their cadence targets over `months` pilot months) and overall. */
export function activitiesSection(
  rows: readonly ActivityRow[],
  settings: ReportSettings | null,
  months: number,
): ActivitiesSection {
  const targets = settings?.targets ?? null;
  const carers = new Set<string>();
  const summarise = (selected: readonly ActivityRow[]): ActivityFigures => {
    const result = figuresOf(selected, targets);
    for (const carer of result.carers) carers.add(carer);
    return result.figures;
  };
  const lines = ACTIVITY_KINDS.map((kind): ActivityKindLine => {
    const line = summarise(rows.filter((row) => row.activity_kind === kind));
    return { kind, ...line, target: cadenceTarget(kind, line.held, targets, months) };
  });
  return { lines, overall: summarise(rows), carers };
}

/** The activity lines and overall figures of the window ($4/$5). */
export async function reportActivities(
  database: SqlExecutor,
  bounds: InWindow,
  settings: ReportSettings | null,
  months: number,
): Promise<ActivitiesSection> {
  return activitiesSection(await activitiesInWindow(database, bounds), settings, months);
}
