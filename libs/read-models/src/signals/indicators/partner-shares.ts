import type { FactKind } from '../fact-kinds.js';
import { BUCKET, IN_PERIODS, LATEST_BEFORE, ORDER, perPeriod, perQuery } from './indicator-sql.js';

/** The facts of every part below; each part reads its own kinds by name. */
const PARTNER_FACTS: readonly FactKind[] = [
  'partner_joined',
  'partner_left',
  'roles_clarified',
  'roles_unclear',
  'meeting_held',
  'activity_scheduled',
  'activity_held',
  'partner_attended',
];

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

/** Distinct pairs of current partners that attended the same coordination meeting held in the period, per project. */
const PAIRS = `
  , met as (
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
  )`;

/**
 * Over the activities of parameters.partnerMeetingKinds ($8) held in the period: current partners
 * with a representative present (`present`) and current partners expected (`expected`).
 */
const ATTENDANCE = `
  , activities as (
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
  )`;

type Part = 'roles' | 'density' | 'attendance';

interface PartRow {
  part: Part;
  i: number;
  num: number | null;
  den: number | null;
}

/**
 * The partnership indicators that read who the current partners are, from one statement that
 * finds them once: `rolesClarified`, current partners whose roles were last found clarified over
 * current partners; `interactionDensity`, pairs of current partners that met over possible pairs
 * (per project, summed); `partnerAttendance`, partners present over partners expected at the
 * partner meetings held.
 */
export const partnerShares = perQuery(async (query) => {
  const rows = await query.rows<PartRow>(
    PARTNER_FACTS,
    `${MEMBERS} ${PAIRS} ${ATTENDANCE}
     select 'roles' as part, i, (count(*) filter (where roles_state = 'roles_clarified'))::float8 as num,
       count(*)::float8 as den
     from members group by i
     union all
     select 'density', s.i, sum(coalesce(q.n, 0))::float8, sum(s.n * (s.n - 1) / 2)::float8
     from sizes s left join pairs q on q.i = s.i and q.project_id = s.project_id
     group by s.i
     union all
     select 'attendance', e.i, coalesce(pr.n, 0)::float8, e.n
     from expected e left join present pr on pr.i = e.i`,
    [query.parameters.partnerMeetingKinds],
  );
  const fractions = (part: Part) =>
    perPeriod(
      query.periods,
      rows.filter((row) => row.part === part),
    );
  return { roles: fractions('roles'), density: fractions('density'), attendance: fractions('attendance') };
});
