import type { FactKind } from './facts.js';
import type { FrameworkParameters, IndicatorKey, SignalKey } from './framework.js';
import { addMonths, overlapMonths, type Window } from './periods.js';
import { settingsAt, type ProjectHistory, type Targets } from '../shared/project-history.js';

export { settingsAt, type ProjectHistory, type Targets };

/** An indicator's raw counts for one period. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * How a fraction becomes a value in [0, 1] (always null when the denominator is 0):
 * `ratio` numerator / denominator (already within [0, 1] by construction);
 * `capped` min(1, numerator / denominator), for a count measured against a target or norm;
 * `clamped` max(0, min(1, numerator / denominator)), for a gain that may be negative.
 */
export type ValueRule = 'ratio' | 'capped' | 'clamped';

export function indicatorValue(rule: ValueRule, fraction: Fraction): number | null {
  if (!(fraction.denominator > 0)) return null;
  const raw = fraction.numerator / fraction.denominator;
  switch (rule) {
    case 'ratio':
      return Math.max(0, Math.min(1, raw));
    case 'capped':
      return Math.min(1, raw);
    case 'clamped':
      return Math.max(0, Math.min(1, raw));
  }
}

export interface IndicatorQuery {
  readonly periods: readonly Window[];
  readonly parameters: FrameworkParameters;
  /**
   * Runs `body` after the shared prelude: `periods(i, f, t)` (i from 1), `scope(project_id)` and
   * `facts`, the visible facts of the scope restricted to `kinds`. Extra parameters are $8, $9, ...
   */
  rows<Row>(kinds: readonly FactKind[], body: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Launch settings, target revisions and pilot extensions of every project in scope. */
  projects(): Promise<ProjectHistory[]>;
}

/**
 * Where an indicator derived from individual carers' own facts finds its carers: a select, after
 * the prelude, of `(i, carer)` — the period index and the id of a carer whose fact the period's
 * figures were computed from (one row per fact; duplicates and null carers are ignored). It must
 * filter `facts`/`binned` by kind itself (they hold the kinds of every carer source of the query).
 * `reach_targets(i, project_id)` lists the projects whose reach target is above 0 at each period's
 * end. An anonymous survey response counts as a carer of its own (`ANONYMOUS_AS_CARER`).
 */
export interface CarerSource {
  readonly kinds: readonly FactKind[];
  readonly sql: string;
}

/** A fact's carer; an anonymous survey response has none and counts as one carer of its own (by its event id). */
export const ANONYMOUS_AS_CARER = (alias: string) =>
  `coalesce(${alias}.carer_id, case when ${alias}.kind = 'survey_answered' then 'anonymous:' || ${alias}.event_id end)`;

/** The carers of the facts of `kinds` in each period that meet `condition` (on the fact `x`). */
const carersInPeriod = (kinds: readonly FactKind[], condition = 'true'): CarerSource => ({
  kinds,
  sql: `select x.i, ${ANONYMOUS_AS_CARER('x')} as carer from binned x
        where x.kind in (${kinds.map((kind) => `'${kind}'`).join(', ')}) and ${condition}`,
});

export interface IndicatorDefinition {
  readonly key: IndicatorKey;
  readonly label: string;
  /** The signal it belongs to in the default framework (a framework may use it elsewhere). */
  readonly home: SignalKey;
  readonly formula: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly rule: ValueRule;
  /** Framework parameters the result depends on (two frameworks share results when these agree). */
  readonly uses: readonly (keyof FrameworkParameters)[];
  compute(query: IndicatorQuery): Promise<Fraction[]>;
  /**
   * Present only for indicators computed from individual carers' own facts (attendance, answers to
   * invitations, quizzes, survey responses): the carers behind each period's figures, over the same
   * visible facts as `compute`. Small-group suppression counts them (suppression.ts).
   */
  readonly carers?: CarerSource;
}

interface CountRow {
  i: number;
  num: number | null;
  den: number | null;
}

/** One fraction per period, 0/0 for periods without rows. */
function perPeriod(periods: readonly Window[], rows: readonly CountRow[]): Fraction[] {
  const fractions: Fraction[] = periods.map(() => ({ numerator: 0, denominator: 0 }));
  for (const row of rows) {
    const index = Number(row.i) - 1;
    const current = fractions[index];
    if (!current) continue;
    fractions[index] = {
      numerator: current.numerator + Number(row.num ?? 0),
      denominator: current.denominator + Number(row.den ?? 0),
    };
  }
  return fractions;
}

/** Facts in the period, as rows of `binned` (which carries the period index `i`). */
const IN_PERIODS = (alias: string) => `${alias}.i between 1 and (select n from bounds)`;
/** The period index of a timestamp (0 or n + 1 when outside every period). */
const BUCKET = (expression: string) => `width_bucket(${expression}, (select b from bounds))`;
/** Ordered arrays of a subject's facts, to pick the latest one before a moment without a self-join. */
const ORDER = 'order by occurred_at, pos_commit, pos_prepare';
/** The latest `what` of the arrays `times`/`values` strictly before `moment` (arrays in log order). */
const LATEST_BEFORE = (times: string, values: string, moment: string) =>
  `(select u.v from unnest(${times}, ${values}) with ordinality as u(at, v, n) where u.at < ${moment} order by u.n desc limit 1)`;

/** Counts in the window: `numerator` and `denominator` are SQL conditions on the fact `x`. */
function countRatio(kinds: readonly FactKind[], numerator: string, denominator: string) {
  return async (query: IndicatorQuery) =>
    perPeriod(
      query.periods,
      await query.rows<CountRow>(
        kinds,
        `select x.i, (count(*) filter (where ${numerator}))::float8 as num,
                (count(*) filter (where ${denominator}))::float8 as den
         from binned x group by x.i`,
      ),
    );
}

/**
 * Partners of each project at each period's end (`members`: the latest joined/left fact before the
 * end is `joined`, with `roles_state` the latest clarified/unclear fact before it) and their number
 * (`sizes`).
 */
const MEMBERS = `
  , partners as (
    select project_id, organisation_id,
      array_agg(occurred_at ${ORDER}) filter (where kind in ('partner_joined', 'partner_left')) as times,
      array_agg(kind ${ORDER}) filter (where kind in ('partner_joined', 'partner_left')) as kinds,
      array_agg(occurred_at ${ORDER}) filter (where kind in ('roles_clarified', 'roles_unclear')) as role_times,
      array_agg(kind ${ORDER}) filter (where kind in ('roles_clarified', 'roles_unclear')) as role_kinds
    from facts
    where kind in ('partner_joined', 'partner_left', 'roles_clarified', 'roles_unclear') and organisation_id is not null
    group by project_id, organisation_id
  ),
  members as (
    select * from (
      select p.i, p.t, m.project_id, m.organisation_id,
        ${LATEST_BEFORE('m.times', 'm.kinds', 'p.t')} as state,
        ${LATEST_BEFORE('m.role_times', 'm.role_kinds', 'p.t')} as roles_state
      from periods p cross join partners m
    ) s where s.state = 'partner_joined'
  ),
  sizes as (select i, project_id, count(*)::float8 as n from members group by i, project_id)`;

/**
 * Barriers alive in each period: observed before its end and not resolved at its start (the latest
 * observed/resolved/reopened fact before the start is not `resolved`); `codes` ($n, null: all)
 * filters by code. `state_at_end` is the latest state before the period's end.
 */
const ALIVE_BARRIERS = (codes: string) => `
  , barriers as (
    select project_id, subject_id,
      min(occurred_at) filter (where kind = 'barrier_observed') as observed_at,
      max(category) filter (where kind = 'barrier_observed') as code,
      array_agg(occurred_at ${ORDER}) filter (where kind <> 'barrier_adjusted') as times,
      array_agg(kind ${ORDER}) filter (where kind <> 'barrier_adjusted') as kinds,
      min(occurred_at) filter (where kind in ('barrier_adjusted', 'barrier_resolved')) as first_response_at
    from facts group by project_id, subject_id
  ),
  alive as (
    select * from (
      select p.i, p.f, p.t, b.project_id, b.subject_id, b.observed_at, b.first_response_at,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.f')} as state_at_start,
        ${LATEST_BEFORE('b.times', 'b.kinds', 'p.t')} as state_at_end
      from periods p
      join barriers b on b.observed_at < p.t and (${codes}::text[] is null or b.code = any(${codes}::text[]))
    ) s where s.state_at_start is distinct from 'barrier_resolved'
  )`;

const BARRIER_FACTS: readonly FactKind[] = ['barrier_observed', 'barrier_resolved', 'barrier_reopened'];

export const INDICATORS: readonly IndicatorDefinition[] = [
  // ---------------------------------------------------------------- trust
  {
    key: 'invitationAcceptance',
    label: 'Invitation acceptance rate',
    home: 'trust',
    formula: 'accepted invitations / answered invitations (accepted + declined), answers dated in the window',
    numerator: 'invitations accepted in the window',
    denominator: 'invitations answered (accepted or declined) in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(['invitation_answered'], 'x.flag', 'true'),
    carers: carersInPeriod(['invitation_answered']),
  },
  {
    key: 'declinesNotMistrust',
    label: 'Declines not citing mistrust',
    home: 'trust',
    formula: '1 − declines citing mistrust / declines = declines for other reasons / declines, in the window',
    numerator: 'declined invitations whose reason is not mistrust',
    denominator: 'declined invitations in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(['invitation_answered'], `not x.flag and x.detail is distinct from 'mistrust'`, 'not x.flag'),
    carers: carersInPeriod(['invitation_answered'], 'not x.flag'),
  },
  {
    key: 'retention',
    label: 'Retention',
    home: 'trust',
    formula:
      'carers who attended in the window and have attended at least twice by its end / carers who attended in the window',
    numerator: 'carers attending in the window with ≥ 2 attendances before the window ends',
    denominator: 'distinct carers attending in the window',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['carer_attended'],
          `, carers as (
             select carer_id, array_agg(occurred_at ${ORDER}) as times
             from facts where carer_id is not null group by carer_id
           )
           select p.i, (count(*) filter (where c.times[2] < p.t))::float8 as num, count(*)::float8 as den
           from periods p
           join carers c on exists (select 1 from unnest(c.times) as u(at) where u.at >= p.f and u.at < p.t)
           group by p.i`,
        ),
      );
    },
    carers: carersInPeriod(['carer_attended']),
  },
  {
    key: 'wordOfMouth',
    label: 'Newcomers by word of mouth',
    home: 'trust',
    formula: 'accepted invitations whose channel is word of mouth / accepted invitations, in the window',
    numerator: 'invitations accepted in the window that came by word of mouth',
    denominator: 'invitations accepted in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(['invitation_answered'], `x.flag and x.category = 'word_of_mouth'`, 'x.flag'),
    carers: carersInPeriod(['invitation_answered'], 'x.flag'),
  },
  {
    key: 'trustBarriersResolved',
    label: 'Trust barriers resolved',
    home: 'trust',
    formula:
      '1 − open trust barriers / trust barriers alive in the window = trust barriers resolved at the window end / trust barriers alive in the window (observed before its end, not resolved at its start)',
    numerator: 'trust barriers alive in the window and resolved at its end',
    denominator: 'trust barriers alive in the window (codes from parameters.trustBarrierCodes)',
    rule: 'ratio',
    uses: ['trustBarrierCodes'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          BARRIER_FACTS,
          `${ALIVE_BARRIERS('$8')}
           select i, (count(*) filter (where state_at_end = 'barrier_resolved'))::float8 as num, count(*)::float8 as den
           from alive group by i`,
          [query.parameters.trustBarrierCodes],
        ),
      );
    },
  },
  // ---------------------------------------------------------------- engagement
  {
    key: 'reach',
    label: 'Reach against target',
    home: 'engagement',
    formula:
      'min(1, distinct carers who attended by the window end / (eligible carers × target reach share)); summed over the projects in scope',
    numerator: 'distinct carers who attended at least one activity before the window ends (since the start)',
    denominator: 'eligible carers × reach share target in force at the window end',
    rule: 'capped',
    uses: [],
    async compute(query) {
      const [projects, rows] = await Promise.all([
        query.projects(),
        query.rows<{ i: number; project_id: string; n: number }>(
          ['carer_attended'],
          `, firsts as (
             select project_id, carer_id, min(occurred_at) as first_at
             from facts where carer_id is not null group by project_id, carer_id
           )
           select p.i, c.project_id, count(*)::float8 as n
           from periods p join firsts c on c.first_at < p.t
           group by p.i, c.project_id`,
        ),
      ]);
      return query.periods.map((period, index) => {
        let numerator = 0;
        let denominator = 0;
        for (const project of projects) {
          const target = project.eligibleCarers * settingsAt(project, period.to).targets.reachShare;
          if (!(target > 0)) continue;
          denominator += target;
          numerator += Number(
            rows.find((row) => Number(row.i) === index + 1 && row.project_id === project.projectId)?.n ?? 0,
          );
        }
        return { numerator, denominator };
      });
    },
    carers: {
      kinds: ['carer_attended'],
      // The numerator's carers: reached before the period's end, in a project with a reach target.
      sql: `select r.i, f.carer_id as carer
            from (select project_id, carer_id, min(occurred_at) as first_at
                  from facts where kind = 'carer_attended' and carer_id is not null
                  group by project_id, carer_id) f
            join reach_targets r on r.project_id = f.project_id
            join periods p on p.i = r.i and f.first_at < p.t`,
    },
  },
  {
    key: 'attendancePerActivity',
    label: 'Attendance per held activity',
    home: 'engagement',
    formula: 'min(1, carer attendances / (held activities × parameters.attendanceNorm)), in the window',
    numerator: 'carer attendances recorded in the window',
    denominator: 'activities held in the window × attendance norm',
    rule: 'capped',
    uses: ['attendanceNorm'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['carer_attended', 'activity_held'],
          `select x.i, (count(*) filter (where x.kind = 'carer_attended'))::float8 as num,
                  ((count(*) filter (where x.kind = 'activity_held')) * $8::float8)::float8 as den
           from binned x group by x.i`,
          [query.parameters.attendanceNorm],
        ),
      );
    },
    carers: carersInPeriod(['carer_attended']),
  },
  {
    key: 'delivery',
    label: 'Delivery (held / scheduled)',
    home: 'engagement',
    formula: 'activities held / activities that came to an end (held + cancelled), in the window',
    numerator: 'activities held in the window',
    denominator: 'activities held or cancelled in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(['activity_held', 'activity_cancelled'], `x.kind = 'activity_held'`, 'true'),
  },
  {
    key: 'cadence',
    label: 'Delivery against cadence targets',
    home: 'engagement',
    formula:
      'Σ_kind min(held_kind, expected_kind) / Σ_kind expected_kind, expected = target per month × pilot months in the window (training courses, peer meetings, committee meetings every N months)',
    numerator: 'held activities per kind, each capped at its expected number',
    denominator: 'expected activities: monthly cadence targets × months of the window inside the pilot',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      const [projects, rows] = await Promise.all([
        query.projects(),
        query.rows<{ i: number; project_id: string; activity_kind: string; n: number }>(
          ['activity_scheduled', 'activity_held'],
          `, activities as (
             select project_id, subject_id,
               max(category) filter (where kind = 'activity_scheduled') as activity_kind,
               min(occurred_at) filter (where kind = 'activity_held') as held_at
             from facts group by project_id, subject_id
           )
           select a.i, a.project_id, a.activity_kind, count(*)::float8 as n
           from (select ${BUCKET('held_at')} as i, * from activities where held_at is not null) a
           where ${IN_PERIODS('a')} and a.activity_kind is not null
           group by a.i, a.project_id, a.activity_kind`,
        ),
      ]);
      return query.periods.map((period, index) => {
        let numerator = 0;
        let denominator = 0;
        for (const project of projects) {
          const { targets, pilotMonths } = settingsAt(project, period.to);
          const months = overlapMonths(period, project.startsOn, addMonths(project.startsOn, pilotMonths));
          const expected: Record<string, number> = {
            training_course: targets.trainingCoursesPerMonth * months,
            peer_meeting: targets.peerMeetingsPerMonth * months,
            committee_meeting: targets.committeeEveryMonths > 0 ? months / targets.committeeEveryMonths : 0,
          };
          for (const [kind, count] of Object.entries(expected)) {
            if (!(count > 0)) continue;
            const held = Number(
              rows.find(
                (row) =>
                  Number(row.i) === index + 1 && row.project_id === project.projectId && row.activity_kind === kind,
              )?.n ?? 0,
            );
            numerator += Math.min(held, count);
            denominator += count;
          }
        }
        return { numerator, denominator };
      });
    },
  },
  {
    key: 'decisionsConsulted',
    label: 'Carer-affecting decisions taken with carers consulted',
    home: 'engagement',
    formula:
      'consulted / carer-affecting decisions, in the window: decisions affecting carers (consulted as of their latest revision before the window end) and cancellations that record whether carers were consulted',
    numerator: 'of those, the ones where carers were consulted',
    denominator:
      'decisions affecting carers taken in the window + activity cancellations in the window (consultation known)',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['decision_taken', 'decision_revised', 'activity_cancelled'],
          `, decisions as (
             select project_id, subject_id,
               min(occurred_at) filter (where kind = 'decision_taken') as taken_at,
               bool_or((data->>'affectsCarers')::boolean) filter (where kind = 'decision_taken') as affects,
               array_agg(occurred_at ${ORDER}) as times,
               array_agg(flag ${ORDER}) as flags
             from facts where kind in ('decision_taken', 'decision_revised') group by project_id, subject_id
           ),
           decided as (
             select p.i, ${LATEST_BEFORE('d.times', 'd.flags', 'p.t')} as consulted
             from decisions d join periods p on p.i = ${BUCKET('d.taken_at')}
             where d.affects
             union all
             select x.i, x.flag from binned x where x.kind = 'activity_cancelled' and x.flag is not null
           )
           select i, (count(*) filter (where consulted))::float8 as num, count(*)::float8 as den
           from decided group by i`,
        ),
      );
    },
  },
  {
    key: 'decisionsUncontested',
    label: 'Carer-affecting decisions not contested by carers',
    home: 'engagement',
    formula:
      '1 − contested / carer-affecting decisions taken in the window (contested by parameters.carerContesterRoles before the window end)',
    numerator: 'decisions affecting carers taken in the window and not contested by carers by its end',
    denominator: 'decisions affecting carers taken in the window',
    rule: 'ratio',
    uses: ['carerContesterRoles'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['decision_taken', 'decision_contested'],
          `, decisions as (
             select project_id, subject_id,
               min(occurred_at) filter (where kind = 'decision_taken') as taken_at,
               bool_or((data->>'affectsCarers')::boolean) filter (where kind = 'decision_taken') as affects,
               min(occurred_at) filter (where kind = 'decision_contested' and category = any($8::text[])) as contested_at
             from facts group by project_id, subject_id
           )
           select p.i, (count(*) filter (where d.contested_at is null or d.contested_at >= p.t))::float8 as num,
                  count(*)::float8 as den
           from decisions d join periods p on p.i = ${BUCKET('d.taken_at')}
           where d.affects
           group by p.i`,
          [query.parameters.carerContesterRoles],
        ),
      );
    },
  },
  {
    key: 'suggestionUptake',
    label: "Uptake of carers' suggestions",
    home: 'engagement',
    formula: "adopted / answered (adopted + declined) carers' suggestions, answers dated in the window",
    numerator: "carers' suggestions adopted in the window",
    denominator: "carers' suggestions adopted or declined in the window (suggested by parameters.carerSuggesterRoles)",
    rule: 'ratio',
    uses: ['carerSuggesterRoles'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['suggestion_made', 'suggestion_adopted', 'suggestion_declined'],
          `, suggestions as (
             select project_id, subject_id,
               bool_or(kind = 'suggestion_made' and category = any($8::text[])) as by_carers,
               array_agg(occurred_at) filter (where kind <> 'suggestion_made') as answered_at,
               array_agg(kind) filter (where kind <> 'suggestion_made') as answers
             from facts group by project_id, subject_id
           ),
           answers as (
             select ${BUCKET('u.at')} as i, u.k
             from suggestions s cross join lateral unnest(s.answered_at, s.answers) as u(at, k)
             where s.by_carers
           )
           select a.i, (count(*) filter (where a.k = 'suggestion_adopted'))::float8 as num, count(*)::float8 as den
           from answers a where ${IN_PERIODS('a')} group by a.i`,
          [query.parameters.carerSuggesterRoles],
        ),
      );
    },
  },
  {
    key: 'feedbackResponse',
    label: 'Feedback response rate',
    home: 'engagement',
    formula: 'min(1, satisfaction survey responses / carer attendances), in the window',
    numerator: 'satisfaction survey responses in the window (anonymous included)',
    denominator: 'carer attendances in the window',
    rule: 'capped',
    uses: [],
    compute: countRatio(
      ['survey_answered', 'carer_attended'],
      `x.kind = 'survey_answered'`,
      `x.kind = 'carer_attended'`,
    ),
    carers: carersInPeriod(['survey_answered', 'carer_attended']),
  },
  {
    key: 'satisfaction',
    label: 'Satisfaction',
    home: 'engagement',
    formula:
      'mean normalised score of the survey responses in the window; a response scores mean(answer / scale max) over its items',
    numerator: 'sum of the responses’ normalised scores',
    denominator: 'survey responses in the window',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['survey_answered'],
          `select x.i, sum(x.amount)::float8 as num, count(x.amount)::float8 as den from binned x group by x.i`,
        ),
      );
    },
    carers: carersInPeriod(['survey_answered'], 'x.amount is not null'),
  },
  {
    key: 'understanding',
    label: 'Understanding (post-course quiz)',
    home: 'engagement',
    formula: 'correct answers / questions asked, over the after-course quizzes in the window',
    numerator: 'correct answers in after-course quizzes',
    denominator: 'questions asked in after-course quizzes in the window',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['quiz_answered'],
          `select x.i, sum(x.amount)::float8 as num, sum(x.total)::float8 as den
           from binned x where x.category = 'after' group by x.i`,
        ),
      );
    },
    carers: carersInPeriod(['quiz_answered'], `x.category = 'after'`),
  },
  {
    key: 'understandingGain',
    label: 'Understanding gain (normalised)',
    home: 'engagement',
    formula:
      'clamp₀¹(Σ (post − pre) / Σ (1 − pre)) over carers with both quizzes of a course, after-quiz in the window; pre/post = correct / asked',
    numerator: 'sum of score gains (post − pre), may be negative',
    denominator: 'sum of room to improve (1 − pre)',
    rule: 'clamped',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['quiz_answered'],
          `, pairs as (
             select min(occurred_at) filter (where category = 'after') as after_at,
                    max(amount / total) filter (where category = 'after') as post,
                    max(amount / total) filter (where category = 'before') as pre
             from facts where total > 0 and carer_id is not null
             group by project_id, subject_id, carer_id
           )
           select q.i, sum(q.post - q.pre)::float8 as num, sum(1 - q.pre)::float8 as den
           from (select ${BUCKET('after_at')} as i, * from pairs where after_at is not null and pre is not null) q
           where ${IN_PERIODS('q')}
           group by q.i`,
        ),
      );
    },
    carers: {
      kinds: ['quiz_answered'],
      sql: `select q.i, q.carer_id as carer
            from (
              select ${BUCKET('after_at')} as i, carer_id
              from (
                select carer_id, min(occurred_at) filter (where category = 'after') as after_at,
                       max(amount / total) filter (where category = 'before') as pre
                from facts where kind = 'quiz_answered' and total > 0 and carer_id is not null
                group by project_id, subject_id, carer_id
              ) pairs
              where after_at is not null and pre is not null
            ) q
            where ${IN_PERIODS('q')}`,
    },
  },
  // ---------------------------------------------------------------- partnership cohesion
  {
    key: 'coordinationMeetingsHeld',
    label: 'Coordination meetings held',
    home: 'partnershipCohesion',
    formula: 'coordination meetings held / (held + missed), in the window',
    numerator: 'coordination meetings held in the window',
    denominator: 'coordination meetings held or missed in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(['meeting_held', 'meeting_missed'], `x.kind = 'meeting_held'`, 'true'),
  },
  {
    key: 'rolesClarified',
    label: 'Partners with clarified roles',
    home: 'partnershipCohesion',
    formula:
      'current partners whose latest roles assessment (before the window end) is "clarified" / current partners at the window end',
    numerator: 'current partners whose roles were last found clarified',
    denominator: 'partner organisations in the partnership at the window end',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['partner_joined', 'partner_left', 'roles_clarified', 'roles_unclear'],
          `${MEMBERS}
           select i, (count(*) filter (where roles_state = 'roles_clarified'))::float8 as num, count(*)::float8 as den
           from members group by i`,
        ),
      );
    },
  },
  {
    key: 'concernsResolved',
    label: 'Coordination concerns resolved',
    home: 'partnershipCohesion',
    formula:
      'concerns alive in the window (raised before its end, not resolved before its start) resolved by its end / concerns alive in the window',
    numerator: 'alive concerns resolved before the window ends',
    denominator: 'concerns raised before the window ends and not resolved before it starts',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['concern_raised', 'concern_resolved'],
          `, concerns as (
             select min(occurred_at) filter (where kind = 'concern_raised') as raised_at,
                    min(occurred_at) filter (where kind = 'concern_resolved') as resolved_at
             from facts group by project_id, subject_id
           )
           select p.i, (count(*) filter (where c.resolved_at < p.t))::float8 as num, count(*)::float8 as den
           from periods p
           join concerns c on c.raised_at < p.t and (c.resolved_at is null or c.resolved_at >= p.f)
           group by p.i`,
        ),
      );
    },
  },
  {
    key: 'interactionDensity',
    label: 'Density of interaction between partners',
    home: 'partnershipCohesion',
    formula:
      'pairs of current partners that met in a coordination meeting held in the window / possible pairs n(n−1)/2 (per project, summed)',
    numerator: 'distinct pairs of current partner organisations attending the same coordination meeting in the window',
    denominator: 'possible pairs of current partner organisations, n(n − 1) / 2',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['partner_joined', 'partner_left', 'meeting_held'],
          `${MEMBERS},
           met as (
             select distinct x.i, x.project_id, a.org as first_org, b.org as second_org
             from binned x
             cross join lateral jsonb_array_elements_text(coalesce(x.data->'organisations', '[]'::jsonb)) as a(org)
             cross join lateral jsonb_array_elements_text(coalesce(x.data->'organisations', '[]'::jsonb)) as b(org)
             where x.kind = 'meeting_held' and a.org < b.org
           ),
           pairs as (
             select m.i, m.project_id, count(*)::float8 as n
             from met m
             join members ma on ma.i = m.i and ma.project_id = m.project_id and ma.organisation_id = m.first_org
             join members mb on mb.i = m.i and mb.project_id = m.project_id and mb.organisation_id = m.second_org
             group by m.i, m.project_id
           )
           select s.i, sum(coalesce(q.n, 0))::float8 as num, sum(s.n * (s.n - 1) / 2)::float8 as den
           from sizes s left join pairs q on q.i = s.i and q.project_id = s.project_id
           group by s.i`,
        ),
      );
    },
  },
  {
    key: 'partnerAttendance',
    label: 'Partner attendance at committee and co-assessment meetings',
    home: 'partnershipCohesion',
    formula:
      'partner organisations present / (held meetings × current partners), over activities of parameters.partnerMeetingKinds held in the window',
    numerator: 'distinct (activity, current partner) pairs with a representative present',
    denominator: 'Σ over those held activities of the number of current partners',
    rule: 'ratio',
    uses: ['partnerMeetingKinds'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          ['partner_joined', 'partner_left', 'activity_scheduled', 'activity_held', 'partner_attended'],
          `${MEMBERS},
           activities as (
             select project_id, subject_id,
               max(category) filter (where kind = 'activity_scheduled') as activity_kind,
               min(occurred_at) filter (where kind = 'activity_held') as held_at,
               array_agg(distinct organisation_id) filter (where kind = 'partner_attended') as organisations
             from facts where kind in ('activity_scheduled', 'activity_held', 'partner_attended')
             group by project_id, subject_id
           ),
           held as (
             select * from (
               select ${BUCKET('held_at')} as i, project_id, subject_id, organisations from activities
               where held_at is not null and activity_kind = any($8::text[])
             ) h where ${IN_PERIODS('h')}
           ),
           present as (
             select h.i, count(*)::float8 as n
             from held h
             cross join lateral unnest(coalesce(h.organisations, '{}'::text[])) as o(org)
             join members m on m.i = h.i and m.project_id = h.project_id and m.organisation_id = o.org
             group by h.i
           ),
           expected as (
             select h.i, sum(s.n)::float8 as n
             from held h join sizes s on s.i = h.i and s.project_id = h.project_id
             group by h.i
           )
           select e.i, coalesce(pr.n, 0)::float8 as num, e.n as den
           from expected e left join present pr on pr.i = e.i`,
          [query.parameters.partnerMeetingKinds],
        ),
      );
    },
  },
  // ---------------------------------------------------------------- co-creation vs co-destruction
  {
    key: 'barriersResolved',
    label: 'Barriers resolved',
    home: 'coCreationBalance',
    formula:
      'barriers alive in the window (observed before its end, not resolved at its start) resolved at its end / barriers alive in the window',
    numerator: 'barriers alive in the window and resolved at its end',
    denominator: 'barriers alive in the window',
    rule: 'ratio',
    uses: [],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          BARRIER_FACTS,
          `${ALIVE_BARRIERS('$8')}
           select i, (count(*) filter (where state_at_end = 'barrier_resolved'))::float8 as num, count(*)::float8 as den
           from alive group by i`,
          [null],
        ),
      );
    },
  },
  {
    key: 'outcomeBalance',
    label: 'Positive outcomes vs negative effects',
    home: 'coCreationBalance',
    formula: 'positive outcomes / (positive outcomes + negative effects), coded observations in the window',
    numerator: 'observations coded as positive outcomes in the window',
    denominator: 'observations coded as positive outcomes or negative effects in the window',
    rule: 'ratio',
    uses: [],
    compute: countRatio(
      ['observation_coded'],
      `x.category = 'positive_outcome'`,
      `x.category in ('positive_outcome', 'negative_effect')`,
    ),
  },
  {
    key: 'adjustmentTimeliness',
    label: 'Barriers adjusted in time',
    home: 'coCreationBalance',
    formula:
      'alive barriers whose first adjustment action (or resolution) came within parameters.adjustmentDays of being observed / alive barriers that are due (deadline passed or already acted on) by the window end',
    numerator: 'alive barriers first acted on within the adjustment time, before the window end',
    denominator: 'alive barriers whose deadline fell before the window end or that were acted on before it',
    rule: 'ratio',
    uses: ['adjustmentDays'],
    async compute(query) {
      return perPeriod(
        query.periods,
        await query.rows<CountRow>(
          [...BARRIER_FACTS, 'barrier_adjusted'],
          `${ALIVE_BARRIERS('$9')},
           due as (
             select a.i,
               a.first_response_at < a.t and a.first_response_at <= a.observed_at + $8::float8 * interval '1 day' as timely
             from alive a
             where a.first_response_at < a.t or a.observed_at + $8::float8 * interval '1 day' < a.t
           )
           select i, (count(*) filter (where timely))::float8 as num, count(*)::float8 as den from due group by i`,
          [query.parameters.adjustmentDays, null],
        ),
      );
    },
  },
];

export const INDICATORS_BY_KEY: ReadonlyMap<IndicatorKey, IndicatorDefinition> = new Map(
  INDICATORS.map((indicator) => [indicator.key, indicator]),
);
