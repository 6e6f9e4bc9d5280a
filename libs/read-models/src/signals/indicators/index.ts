import type { IndicatorKey, IndicatorRef, SignalFramework } from '../framework.js';
import { CO_CREATION_BALANCE_INDICATORS } from './co-creation-balance-indicators.js';
import { ENGAGEMENT_FEEDBACK_INDICATORS } from './engagement-feedback-indicators.js';
import { ENGAGEMENT_INDICATORS } from './engagement-indicators.js';
import { indicatorsOf, INSTRUMENT_SCORE, type InstrumentCatalog } from './instrument-indicators.js';
import type { IndicatorDefinition } from './indicator-definition.js';
import { PARTNERSHIP_COHESION_INDICATORS } from './partnership-cohesion-indicators.js';
import { TRUST_INDICATORS } from './trust-indicators.js';

export * from './indicator-definition.js';
export {
  INSTRUMENT_SCORE,
  instrumentScore,
  loadInstrumentCatalog,
  type InstrumentCatalog,
  type InstrumentRespondents,
} from './instrument-indicators.js';

/** Every indicator, grouped by the signal it belongs to in the default framework, in INDICATOR_KEYS' order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...TRUST_INDICATORS,
  ...ENGAGEMENT_INDICATORS,
  ...ENGAGEMENT_FEEDBACK_INDICATORS,
  ...PARTNERSHIP_COHESION_INDICATORS,
  ...CO_CREATION_BALANCE_INDICATORS,
  INSTRUMENT_SCORE,
];

export const INDICATORS_BY_KEY: ReadonlyMap<IndicatorKey, IndicatorDefinition> = new Map(
  INDICATORS.map((indicator) => [indicator.key, indicator]),
);

/**
 * The definition of every indicator `framework` weighs, by ref (key, or key and instrument): what
 * computes it, and whether carers' own facts are behind it (`catalog`: who answers each instrument).
 */
export const frameworkIndicators = (
  framework: SignalFramework,
  catalog?: InstrumentCatalog,
): ReadonlyMap<IndicatorRef, IndicatorDefinition> =>
  indicatorsOf(framework, catalog, (key) => INDICATORS_BY_KEY.get(key as IndicatorKey)!);
