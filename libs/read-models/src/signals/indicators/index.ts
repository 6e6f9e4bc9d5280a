import type { IndicatorKey } from '../framework.js';
import { CO_CREATION_BALANCE_INDICATORS } from './co-creation-balance-indicators.js';
import { ENGAGEMENT_FEEDBACK_INDICATORS } from './engagement-feedback-indicators.js';
import { ENGAGEMENT_INDICATORS } from './engagement-indicators.js';
import type { IndicatorDefinition } from './indicator-definition.js';
import { PARTNERSHIP_COHESION_INDICATORS } from './partnership-cohesion-indicators.js';
import { TRUST_INDICATORS } from './trust-indicators.js';

export * from './indicator-definition.js';

/** Every indicator, grouped by the signal it belongs to in the default framework, in INDICATOR_KEYS' order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...TRUST_INDICATORS,
  ...ENGAGEMENT_INDICATORS,
  ...ENGAGEMENT_FEEDBACK_INDICATORS,
  ...PARTNERSHIP_COHESION_INDICATORS,
  ...CO_CREATION_BALANCE_INDICATORS,
];

export const INDICATORS_BY_KEY: ReadonlyMap<IndicatorKey, IndicatorDefinition> = new Map(
  INDICATORS.map((indicator) => [indicator.key, indicator]),
);
