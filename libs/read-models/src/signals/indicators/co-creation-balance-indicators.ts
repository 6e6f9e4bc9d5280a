import type { IndicatorDefinition } from './indicator-definition.js';
import { barrierShares } from './barrier-shares.js';
import { countRatio } from './indicator-sql.js';

/** The co-creation vs co-destruction signal's indicators: barriers and coded outcomes. */
export const CO_CREATION_BALANCE_INDICATORS: readonly IndicatorDefinition[] = [
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
    compute: async (query) => (await barrierShares(query)).resolved,
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
    compute: async (query) => (await barrierShares(query)).timely,
  },
];
