import type { IndicatorDefinition } from './indicator-definition.js';
import { BUCKET, countRatio, countRows, IN_PERIODS, LATEST_BEFORE, ORDER, SHARE_OF } from './indicator-sql.js';

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

/** The partnership cohesion signal's indicators: meetings, roles, concerns and how partners meet. */
export const PARTNERSHIP_COHESION_INDICATORS: readonly IndicatorDefinition[] = [
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
    compute: countRows(
      ['partner_joined', 'partner_left', 'roles_clarified', 'roles_unclear'],
      `${MEMBERS}
       ${SHARE_OF('members', `roles_state = 'roles_clarified'`)}`,
    ),
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
    compute: countRows(
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
    compute: countRows(
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
    compute: countRows(
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
      (parameters) => [parameters.partnerMeetingKinds],
    ),
  },
];
