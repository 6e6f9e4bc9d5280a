import type { SqlExecutor } from '#database';
import { ACTIVITY_KINDS, invalid, notFound, type ActivityKind, type CommitteeGoalOutcome } from '#domain';
import { SIGNAL_FACTS_TABLE } from '../signals/signal-facts.projection.js';
import { addMonths, nextDay, pilotMonthsIn, startOfDay, type Window } from './pilot-months.js';
import { REPORT_FACTS_TABLE } from './report-facts.projection.js';

const SIGNALS = SIGNAL_FACTS_TABLE;
const REPORT = REPORT_FACTS_TABLE;

export interface AssessmentReportRequest {
  readonly projectId: string;
  /** Half-open [from, to) on the date facts occurred; default: the whole project (see `defaultWindow`). */
  readonly window?: Window | null;
  /** Only facts that occurred at or before this moment. */
  readonly asOf?: Date | null;
  /** Only facts recorded at or before this moment. */
  readonly knownAt?: Date | null;
}

/** A line's target and whether the line meets it; `met` is null when the line has no data to judge. */
export interface ReportTarget {
  readonly description: string;
  readonly value: number;
  readonly met: boolean | null;
}

/**
 * Small-group suppression (suppression.ts): each object with figures derived from carers' own facts
 * says over how many distinct carers they were computed (`carerCount`) and whether they were
 * withheld; nested objects carry their own.
 */
export interface Suppressible {
  /** Distinct carers behind this object's carer-derived figures; null when withheld. */
  readonly carerCount: number | null;
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
}

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

export interface ChannelCounters {
  readonly readings: number;
  /** Sums over the readings in the window; null when none of them has this counter. */
  readonly likes: number | null;
  readonly visits: number | null;
  readonly downloads: number | null;
  readonly shares: number | null;
}

export interface ChannelLine extends ChannelCounters {
  readonly channelId: string;
  /** Null when the channel's registration is not visible. */
  readonly kind: string | null;
  readonly name: string | null;
  readonly retired: boolean;
  readonly newPatientsInformed: number;
}

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
}

export interface ReportTargets {
  readonly reachShare: number;
  readonly trainingCoursesPerMonth: number;
  readonly peerMeetingsPerMonth: number;
  readonly committeeEveryMonths: number;
  readonly satisfactionThreshold: number;
  readonly understandingThreshold: number;
}

/** The project's settings in force at the window's end. */
export interface ReportSettings {
  readonly startsOn: Date;
  readonly pilotMonths: number;
  readonly pilotEnd: Date;
  readonly eligibleCarers: number;
  readonly targets: ReportTargets;
}

export interface AssessmentReport {
  readonly projectId: string;
  /** Null only when no window was asked for and nothing of the project is visible. */
  readonly window: Window | null;
  readonly defaultWindow: boolean;
  readonly asOf: Date | null;
  readonly knownAt: Date | null;
  /** Null when the project's launch is not visible (asOf/knownAt before it). */
  readonly settings: ReportSettings | null;
  readonly pilotMonthsInWindow: number;
  /** One line per activity kind, in the order of ACTIVITY_KINDS. */
  readonly activities: readonly ActivityKindLine[];
  /** Every activity, whatever its kind. */
  readonly overall: ActivityFigures;
  readonly goals: GoalsSummary;
  readonly channels: readonly ChannelLine[];
  readonly channelTotals: ChannelCounters;
  readonly newPatientsInformed: number;
  readonly reach: ReachLine;
  /**
   * Distinct carers behind the report's carer-derived figures (attendance, quizzes, survey
   * responses, reach; an anonymous response counts as one carer); null when withheld.
   */
  readonly carerCount: number | null;
  /** True when small-group suppression withheld any figure of the report. */
  readonly suppressed: boolean;
}

const SHOWN = { suppressed: false, suppressionReason: null } as const;

/** Kinds with a cadence target, and how the expected number of held activities is derived. */
const CADENCE: Partial<Record<ActivityKind, (targets: ReportTargets, months: number) => [number, string] | null>> = {
  training_course: (t, months) =>
    t.trainingCoursesPerMonth > 0
      ? [t.trainingCoursesPerMonth * months, `${t.trainingCoursesPerMonth} training course(s) a month`]
      : null,
  peer_meeting: (t, months) =>
    t.peerMeetingsPerMonth > 0
      ? [t.peerMeetingsPerMonth * months, `${t.peerMeetingsPerMonth} peer meeting(s) a month`]
      : null,
  committee_meeting: (t, months) =>
    t.committeeEveryMonths > 0
      ? [months / t.committeeEveryMonths, `a committee meeting every ${t.committeeEveryMonths} month(s)`]
      : null,
};

const EPSILON = 1e-9;
const round = (value: number) => Math.round(value * 1e12) / 1e12;
const mean = (sum: number, n: number) => (n > 0 ? round(sum / n) : null);
const format = (value: number) => String(Math.round(value * 1000) / 1000);

/** `occurred_at <= asOf and recorded_at <= knownAt` on the alias; $2 = asOf, $3 = knownAt. */
const VISIBLE = (alias: string) =>
  `($2::timestamptz is null or ${alias}.occurred_at <= $2::timestamptz) and ($3::timestamptz is null or ${alias}.recorded_at <= $3::timestamptz)`;
const ORDER = 'order by occurred_at, pos_commit, pos_prepare';
/** A reading belongs to the window holding the last instant of its half-open period: from < period_end <= to. */
const IN_READING = 'period_end > $4::timestamptz and period_end <= $5::timestamptz';
const LATEST = 'order by occurred_at desc, pos_commit desc, pos_prepare desc';

type Timestamp = Date | string | null;
const toDate = (value: Timestamp): Date | null => (value === null ? null : new Date(value));
const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function validDate(field: string, value: Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('INVALID_DATE', `${field} must be a valid date-time`, { field });
  }
  return value;
}

function validWindow(window: Window | null | undefined): Window | null {
  if (!window) return null;
  validDate('window.from', window.from);
  validDate('window.to', window.to);
  if (!(window.from < window.to)) {
    throw invalid('INVALID_WINDOW', 'window.from must be before window.to (windows are half-open [from, to))', {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
    });
  }
  return window;
}

interface ProjectHistory {
  readonly eligibleCarers: number;
  readonly startsOn: Date;
  readonly launch: { readonly pilotMonths: number; readonly targets: ReportTargets };
  readonly revisions: ReadonlyArray<{ readonly at: Date; readonly targets: ReportTargets }>;
  readonly extensions: ReadonlyArray<{ readonly at: Date; readonly pilotMonths: number }>;
}

/**
 * The assessment report of a project, computed at query time from the time-indexed signal facts
 * (activities, attendance, quizzes, surveys, the launch and its revisions) and report facts
 * (committee goals, information channels, instruments). Every fact read obeys `asOf` (occurred by
 * then) and `knownAt` (recorded by then), so a report as of T equals the report of the history
 * truncated at T. Definitions: docs/assessment-report.md.
 */
export class AssessmentReportReader {
  constructor(private readonly database: SqlExecutor) {}

  async report(request: AssessmentReportRequest): Promise<AssessmentReport> {
    const projectId = request.projectId;
    if (typeof projectId !== 'string' || projectId.length === 0 || projectId.length > 100) {
      throw invalid('INVALID_PROJECT_ID', 'projectId must be an id of 1 to 100 characters', { field: 'projectId' });
    }
    const asOf = validDate('asOf', request.asOf);
    const knownAt = validDate('knownAt', request.knownAt);
    const requested = validWindow(request.window);
    await this.requireLaunched(projectId);

    const travel = [projectId, asOf?.toISOString() ?? null, knownAt?.toISOString() ?? null] as const;
    const history = await this.history(travel);
    const window = requested ?? (await this.defaultWindow(travel, history));
    const settings = history && window ? settingsAt(history, window.to) : null;
    const pilotMonthsInWindow = settings && window ? pilotMonthsIn(window, settings.startsOn, settings.pilotMonths) : 0;

    if (!window) {
      return this.empty(projectId, asOf, knownAt, settings);
    }
    const bounds = [...travel, window.from.toISOString(), window.to.toISOString()];
    const end = [...travel, window.to.toISOString()];
    const [activities, { line: reach, carers: reached }, goals, channels, newPatients] = await Promise.all([
      this.activities(bounds, settings, pilotMonthsInWindow),
      this.reach(end, settings),
      this.goals(end),
      this.channels(bounds),
      this.newPatients(bounds),
    ]);
    return {
      projectId,
      window,
      defaultWindow: requested === null,
      asOf,
      knownAt,
      settings,
      pilotMonthsInWindow,
      activities: activities.lines,
      overall: activities.overall,
      goals,
      channels,
      channelTotals: totals(channels),
      newPatientsInformed: newPatients,
      reach,
      carerCount: new Set([...reached, ...activities.carers]).size,
      suppressed: false,
    };
  }

  /** A project never launched is unknown whatever asOf/knownAt say (before its launch it simply has no data). */
  private async requireLaunched(projectId: string): Promise<void> {
    const rows = await this.database.query(
      `select 1 from ${SIGNALS} where project_id = $1 and kind = 'project_launched' limit 1`,
      [projectId],
    );
    if (rows.length === 0) {
      throw notFound('PROJECT_NOT_FOUND', `No project ${projectId} was launched`, { projectId });
    }
  }

  /** The launch, target revisions and pilot extensions visible to the query, in log order. */
  private async history(travel: readonly unknown[]): Promise<ProjectHistory | null> {
    const facts = await this.database.query<{
      kind: string;
      occurred_at: Timestamp;
      amount: number | null;
      total: number | null;
      data: { startsOn?: string; targets?: ReportTargets } | string;
    }>(
      `select kind, occurred_at, amount, total, data from ${SIGNALS} x
       where x.project_id = $1 and x.kind in ('project_launched', 'project_targets_revised', 'pilot_extended')
         and ${VISIBLE('x')}
       ${ORDER}`,
      travel,
    );
    const parsed = facts.map((fact) => ({
      ...fact,
      at: toDate(fact.occurred_at)!,
      data: (typeof fact.data === 'string' ? JSON.parse(fact.data) : fact.data) as {
        startsOn?: string;
        targets?: ReportTargets;
      },
    }));
    const launch = parsed.find((fact) => fact.kind === 'project_launched' && fact.data.targets && fact.data.startsOn);
    if (!launch) return null;
    return {
      eligibleCarers: Number(launch.amount ?? 0),
      startsOn: new Date(launch.data.startsOn!),
      launch: { pilotMonths: Number(launch.total ?? 0), targets: launch.data.targets! },
      revisions: parsed
        .filter((fact) => fact.kind === 'project_targets_revised' && fact.data.targets)
        .map((fact) => ({ at: fact.at, targets: fact.data.targets! })),
      extensions: parsed
        .filter((fact) => fact.kind === 'pilot_extended' && fact.total !== null)
        .map((fact) => ({ at: fact.at, pilotMonths: Number(fact.total) })),
    };
  }

  /**
   * The whole project as recorded: from the earliest of the pilot's start, the first visible fact
   * and the first reading period (at midnight UTC), to the later of the day after the last visible
   * fact and the end of the last reading period. Mid-pilot it ends with what is recorded so far, so
   * cadence targets count the months elapsed rather than the whole planned pilot. It depends only
   * on visible facts (never on asOf itself), so time travel still equals a replay of the truncated
   * history.
   */
  private async defaultWindow(travel: readonly unknown[], history: ProjectHistory | null): Promise<Window | null> {
    const [row] = await this.database.query<{
      first_at: Timestamp;
      last_at: Timestamp;
      first_period: Timestamp;
      last_period: Timestamp;
    }>(
      `select min(f.occurred_at) as first_at, max(f.occurred_at) as last_at,
              min(f.period_start) as first_period, max(f.period_end) as last_period
       from (
         select x.occurred_at, null::timestamptz as period_start, null::timestamptz as period_end
         from ${SIGNALS} x where x.project_id = $1 and ${VISIBLE('x')}
         union all
         select x.occurred_at, x.period_start, x.period_end
         from ${REPORT} x where x.project_id = $1 and ${VISIBLE('x')}
       ) f`,
      travel,
    );
    const starts: Date[] = history ? [history.startsOn] : [];
    const ends: Date[] = [];
    const firstAt = toDate(row?.first_at ?? null);
    const lastAt = toDate(row?.last_at ?? null);
    const firstPeriod = toDate(row?.first_period ?? null);
    const lastPeriod = toDate(row?.last_period ?? null);
    if (firstAt) starts.push(firstAt);
    if (firstPeriod) starts.push(firstPeriod);
    if (lastAt) ends.push(nextDay(lastAt));
    if (lastPeriod) ends.push(lastPeriod);
    if (starts.length === 0 || ends.length === 0) return null;
    const from = startOfDay(new Date(Math.min(...starts.map((d) => d.getTime()))));
    const to = new Date(Math.max(...ends.map((d) => d.getTime())));
    return { from, to };
  }

  /** Lines per activity kind and overall; $4/$5 = the window. */
  private async activities(
    bounds: readonly unknown[],
    settings: ReportSettings | null,
    months: number,
  ): Promise<{ lines: ActivityKindLine[]; overall: ActivityFigures; carers: ReadonlySet<string> }> {
    const rows = await this.database.query<{
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
    }>(
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

    const everyone = new Set<string>();
    const figures = (selected: typeof rows): ActivityFigures => {
      const held = selected.filter((row) => row.held);
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
      for (const set of [distinct, quizCarers, respondents]) for (const carer of set) everyone.add(carer);
      const understanding = mean(quizSum, quizzes);
      const satisfaction = mean(surveySum, surveys);
      return {
        held: held.length,
        cancelled: selected.filter((row) => row.cancelled).length,
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
          target: settings
            ? threshold(
                'understanding',
                'post-course quiz score',
                settings.targets.understandingThreshold,
                understanding,
              )
            : null,
        },
        satisfaction: {
          average: satisfaction,
          answered: surveys,
          carerCount: respondents.size,
          ...SHOWN,
          target: settings
            ? threshold('satisfaction', 'normalised survey score', settings.targets.satisfactionThreshold, satisfaction)
            : null,
        },
      };
    };

    const lines = ACTIVITY_KINDS.map((kind): ActivityKindLine => {
      const line = figures(rows.filter((row) => row.activity_kind === kind));
      return { kind, ...line, target: cadenceTarget(kind, line.held, settings, months) };
    });
    return { lines, overall: figures(rows), carers: everyone };
  }

  /** Distinct carers who attended an activity held before the window's end ($4), against the reach target. */
  private async reach(
    end: readonly unknown[],
    settings: ReportSettings | null,
  ): Promise<{ line: ReachLine; carers: readonly string[] }> {
    const [row] = await this.database.query<{ carers: string[] | null }>(
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
    const carers = row?.carers ?? [];
    const distinctCarers = carers.length;
    const counted = { distinctCarers, carerCount: distinctCarers, ...SHOWN };
    if (!settings) {
      return {
        line: { ...counted, eligible: null, share: null, target: null, targetCarers: null, met: null },
        carers,
      };
    }
    const eligible = settings.eligibleCarers;
    const target = settings.targets.reachShare;
    const targetCarers = round(eligible * target);
    return {
      line: {
        ...counted,
        eligible,
        share: eligible > 0 ? round(distinctCarers / eligible) : null,
        target,
        targetCarers,
        met: distinctCarers >= targetCarers - EPSILON,
      },
      carers,
    };
  }

  /** Goals and their latest judgement before the window's end ($4). */
  private async goals(end: readonly unknown[]): Promise<GoalsSummary> {
    const [goals, [committee]] = await Promise.all([
      this.database.query<{
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
      ),
      this.database.query<{ since: Timestamp }>(
        `select min(x.occurred_at) as since from ${REPORT} x
         where x.project_id = $1 and x.kind = 'committee_self_organising'
           and ${VISIBLE('x')} and x.occurred_at < $4::timestamptz`,
        end,
      ),
    ]);
    const lines: GoalLine[] = goals.map((goal) => ({
      goalId: goal.goal_id,
      description: goal.description,
      outcome: goal.outcome,
      assessedAt: toDate(goal.assessed_at),
      reassessed: Number(goal.reassessments) > 0,
    }));
    const counted = (outcome: CommitteeGoalOutcome | null) => lines.filter((goal) => goal.outcome === outcome).length;
    const since = toDate(committee?.since ?? null);
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
      },
      selfOrganisingSince: since,
    };
  }

  /** Channels known by the window's end (or active in it), with their readings and patients in the window. */
  private async channels(bounds: readonly unknown[]): Promise<ChannelLine[]> {
    const rows = await this.database.query<{
      channel_id: string;
      channel_kind: string | null;
      name: string | null;
      retired: boolean | null;
      readings: number;
      likes: number | null;
      visits: number | null;
      downloads: number | null;
      shares: number | null;
      patients: number;
    }>(
      `with facts as (
         select * from ${REPORT} x
         where x.project_id = $1
           and x.kind in ('channel_registered', 'channel_retired', 'channel_reading', 'patient_informed')
           and ${VISIBLE('x')}
       ),
       channels as (
         select subject_id as channel_id,
           (array_agg(category ${ORDER}) filter (where kind = 'channel_registered'))[1] as channel_kind,
           (array_agg(detail ${ORDER}) filter (where kind = 'channel_registered'))[1] as name,
           min(occurred_at) filter (where kind = 'channel_registered') as registered_at,
           bool_or(kind = 'channel_retired' and occurred_at < $5::timestamptz) as retired,
           (count(*) filter (where kind = 'channel_reading' and ${IN_READING}))::int as readings,
           (sum(likes) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as likes,
           (sum(visits) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as visits,
           (sum(downloads) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as downloads,
           (sum(shares) filter (where kind = 'channel_reading' and ${IN_READING}))::float8 as shares,
           (count(*) filter (where kind = 'patient_informed' and occurred_at >= $4::timestamptz
                                   and occurred_at < $5::timestamptz))::int as patients
         from facts group by subject_id
       )
       select * from channels
       where registered_at < $5::timestamptz or readings > 0 or patients > 0
       order by registered_at nulls last, channel_id`,
      bounds,
    );
    return rows.map((row) => ({
      channelId: row.channel_id,
      kind: row.channel_kind,
      name: row.name,
      retired: row.retired === true,
      readings: Number(row.readings),
      likes: toNumber(row.likes),
      visits: toNumber(row.visits),
      downloads: toNumber(row.downloads),
      shares: toNumber(row.shares),
      newPatientsInformed: Number(row.patients),
    }));
  }

  /** Distinct patients (provider, reference) first informed, through any channel of the project, in the window. */
  private async newPatients(bounds: readonly unknown[]): Promise<number> {
    const [row] = await this.database.query<{ n: number }>(
      `select count(*)::int as n from (
         select x.category, x.detail, min(x.occurred_at) as first_at
         from ${REPORT} x
         where x.project_id = $1 and x.kind = 'patient_informed' and ${VISIBLE('x')}
         group by x.category, x.detail
       ) p
       where p.first_at >= $4::timestamptz and p.first_at < $5::timestamptz`,
      bounds,
    );
    return Number(row?.n ?? 0);
  }

  private empty(
    projectId: string,
    asOf: Date | null,
    knownAt: Date | null,
    settings: ReportSettings | null,
  ): AssessmentReport {
    const score: ReportScore = { average: null, answered: 0, target: null, carerCount: 0, ...SHOWN };
    const figures: ActivityFigures = {
      held: 0,
      cancelled: 0,
      attendances: 0,
      averageAttendees: null,
      distinctAttendees: 0,
      carerCount: 0,
      ...SHOWN,
      understanding: score,
      satisfaction: score,
    };
    return {
      projectId,
      window: null,
      defaultWindow: true,
      asOf,
      knownAt,
      settings,
      pilotMonthsInWindow: 0,
      activities: ACTIVITY_KINDS.map((kind) => ({ kind, ...figures, target: null })),
      overall: figures,
      goals: {
        total: 0,
        reached: 0,
        partiallyReached: 0,
        unfulfilled: 0,
        notAssessed: 0,
        goals: [],
        selfOrganising: {
          description: 'The citizens’ committee becomes self-organising (recorded before the window’s end)',
          value: 1,
          met: false,
        },
        selfOrganisingSince: null,
      },
      channels: [],
      channelTotals: { readings: 0, likes: null, visits: null, downloads: null, shares: null },
      newPatientsInformed: 0,
      reach: {
        distinctCarers: 0,
        carerCount: 0,
        ...SHOWN,
        eligible: null,
        share: null,
        target: null,
        targetCarers: null,
        met: null,
      },
      carerCount: 0,
      suppressed: false,
    };
  }
}

/** The settings in force at `end`: the latest revision (extension) that occurred before it, else the launch's. */
function settingsAt(history: ProjectHistory, end: Date): ReportSettings {
  const revision = [...history.revisions].reverse().find((r) => r.at < end);
  const extension = [...history.extensions].reverse().find((e) => e.at < end);
  const pilotMonths = extension?.pilotMonths ?? history.launch.pilotMonths;
  return {
    startsOn: history.startsOn,
    pilotMonths,
    pilotEnd: addMonths(history.startsOn, pilotMonths),
    eligibleCarers: history.eligibleCarers,
    targets: revision?.targets ?? history.launch.targets,
  };
}

/** Met when the average reaches the threshold; null without answers. */
function threshold(measure: string, score: string, value: number, average: number | null): ReportTarget {
  return {
    description: `Average ${measure} (${score}) of at least ${format(value)}`,
    value,
    met: average === null ? null : average >= value - EPSILON,
  };
}

/**
 * Expected held activities: the monthly cadence × pilot months in the window (committee: months /
 * every N), rounded down to whole activities. Met when held ≥ expected; null when nothing is expected.
 */
function cadenceTarget(
  kind: ActivityKind,
  held: number,
  settings: ReportSettings | null,
  months: number,
): ReportTarget | null {
  const rule = CADENCE[kind];
  if (!rule || !settings) return null;
  const cadence = rule(settings.targets, months);
  if (!cadence) return null;
  const [exact, wording] = cadence;
  const expected = Math.floor(exact + EPSILON);
  return {
    description: `${wording}: at least ${expected} held over ${format(months)} pilot month(s) in the window`,
    value: expected,
    met: expected > 0 ? held >= expected : null,
  };
}

function totals(channels: readonly ChannelLine[]): ChannelCounters {
  const sum = (pick: (channel: ChannelLine) => number | null) => {
    const values = channels.map(pick).filter((value): value is number => value !== null);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    readings: channels.reduce((n, channel) => n + channel.readings, 0),
    likes: sum((c) => c.likes),
    visits: sum((c) => c.visits),
    downloads: sum((c) => c.downloads),
    shares: sum((c) => c.shares),
  };
}
