import { addMonths, overlapMonths } from '../signal-periods.js';
import { settingsAt } from '../../shared/index.js';
import type { FactKind } from '../fact-kinds.js';
import type { IndicatorDefinition } from './indicator-definition.js';
import {
  BUCKET,
  carersInPeriod,
  countRatio,
  countRows,
  IN_PERIODS,
  LATEST_BEFORE,
  ORDER,
  SHARE_OF,
  tallied,
} from './indicator-sql.js';

/**
 * Subjects (decisions, cancellations) whose `taken` fact falls in the window and that carers
 * (parameters.carerContesterRoles) had not contested by the window's end, over all such subjects;
 * `counted` is an aggregate over the subject's facts that keeps only some subjects (default: all).
 */
function uncontestedShare(taken: FactKind, contested: FactKind, counted = 'bool_or(true)') {
  return countRows(
    [taken, contested],
    `, subjects as (
       select project_id, subject_id,
         min(occurred_at) filter (where kind = '${taken}') as taken_at,
         ${counted} filter (where kind = '${taken}') as counted,
         min(occurred_at) filter (where kind = '${contested}' and category = any($8::text[])) as contested_at
       from facts group by project_id, subject_id
     )
     select p.i, (count(*) filter (where s.contested_at is null or s.contested_at >= p.t))::float8 as num,
            count(*)::float8 as den
     from subjects s join periods p on p.i = ${BUCKET('s.taken_at')}
     where s.counted
     group by p.i`,
    (parameters) => [parameters.carerContesterRoles],
  );
}

/**
 * `decided`: one row per carer-affecting decision taken in a period (`i`), with `what` (a column
 * of its facts) as of its latest revision before the period ends, named `as`. Left open so a
 * caller may `union all` more rows before closing it.
 */
const CARER_AFFECTING_DECISIONS = (what: string, as: string) => `, decisions as (
         select project_id, subject_id,
           min(occurred_at) filter (where kind = 'decision_taken') as taken_at,
           bool_or((data->>'affectsCarers')::boolean) filter (where kind = 'decision_taken') as affects,
           array_agg(occurred_at ${ORDER}) as times,
           array_agg(${what} ${ORDER}) as answers
         from facts where kind in ('decision_taken', 'decision_revised') group by project_id, subject_id
       ),
       decided as (
         select p.i, ${LATEST_BEFORE('d.times', 'd.answers', 'p.t')} as ${as}
         from decisions d join periods p on p.i = ${BUCKET('d.taken_at')}
         where d.affects`;

/**
 * The engagement signal's indicators of reach, delivery and carers' say in decisions; those of their
 * feedback and learning are in engagement-feedback-indicators.ts.
 */
export const ENGAGEMENT_INDICATORS: readonly IndicatorDefinition[] = [
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
      sql: `select p.i, f.carer_id as carer, f.project_id
            from (select project_id, carer_id, min(occurred_at) as first_at
                  from facts where kind = 'carer_attended' and carer_id is not null
                  group by project_id, carer_id) f
            join periods p on f.first_at < p.t`,
      reachTargeted: true,
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
    compute: tallied({
      kinds: ['carer_attended', 'activity_held'],
      numerator: { when: `x.kind = 'carer_attended'` },
      denominator: { when: `x.kind = 'activity_held'`, times: (parameters) => parameters.attendanceNorm },
    }),
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
    compute: countRows(
      ['decision_taken', 'decision_revised', 'activity_cancelled'],
      `${CARER_AFFECTING_DECISIONS('flag', 'consulted')}
         union all
         select x.i, x.flag from binned x where x.kind = 'activity_cancelled' and x.flag is not null
       )
       ${SHARE_OF('decided', 'consulted')}`,
    ),
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
    compute: uncontestedShare('decision_taken', 'decision_contested', "bool_or((data->>'affectsCarers')::boolean)"),
  },
  {
    // Not in the default framework (its released values stay as they were): a territory that wants
    // it registers a framework version that lists it.
    key: 'cancellationsUncontested',
    label: 'Cancellations not contested by carers',
    home: 'engagement',
    formula:
      '1 − contested / activities cancelled in the window (contested by parameters.carerContesterRoles before the window end)',
    numerator: 'activities cancelled in the window and not contested by carers by its end',
    denominator: 'activities cancelled in the window',
    rule: 'ratio',
    uses: ['carerContesterRoles'],
    compute: uncontestedShare('activity_cancelled', 'cancellation_contested'),
  },
  {
    // Not in the default framework (its released values stay as they were); docs/signals.md,
    // "Levels of involvement".
    key: 'decisionsCoDecided',
    label: 'Carer-affecting decisions co-decided or led by carers',
    home: 'engagement',
    formula:
      'co-decided or carer-led / carer-affecting decisions taken in the window whose level of involvement is known (as of their latest revision before the window end)',
    numerator: 'of those, decisions at the co-decided or carer-led rung',
    denominator: 'decisions affecting carers taken in the window, with a recorded level of involvement',
    rule: 'ratio',
    uses: [],
    compute: countRows(
      ['decision_taken', 'decision_revised'],
      `${CARER_AFFECTING_DECISIONS('detail', 'level')}
       )
       select d.i, (count(*) filter (where d.level in ('co_decided', 'carer_led')))::float8 as num, count(*)::float8 as den
       from decided d where d.level is not null group by d.i`,
    ),
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
    compute: countRows(
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
      (parameters) => [parameters.carerSuggesterRoles],
    ),
  },
];
