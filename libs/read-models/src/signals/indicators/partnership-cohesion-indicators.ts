import type { IndicatorDefinition } from './indicator-definition.js';
import { countRatio, countRows } from './indicator-sql.js';
import { partnerShares } from './partner-shares.js';

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
    compute: async (query) => (await partnerShares(query)).roles,
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
    compute: async (query) => (await partnerShares(query)).density,
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
    compute: async (query) => (await partnerShares(query)).attendance,
  },
];
