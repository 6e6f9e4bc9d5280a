import type { IndicatorDefinition } from './indicator-definition.js';
import { barrierShares } from './barrier-shares.js';
import { carersInPeriod, countRatio, countRows, ORDER } from './indicator-sql.js';

/** The trust signal's indicators: carers' answers to invitations, their staying, and trust barriers. */
export const TRUST_INDICATORS: readonly IndicatorDefinition[] = [
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
    compute: countRows(
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
    compute: async (query) => (await barrierShares(query)).trustResolved,
  },
];
