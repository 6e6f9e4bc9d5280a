import { DEFAULT_FRAMEWORK } from '../default-framework.js';
import type { IndicatorKey, SignalFrameworkDefinition } from '../framework.js';

/**
 * The default framework with one more engagement indicator (weight 1): how a territory takes up
 * an indicator the default leaves out (cancellationsUncontested, decisionsCoDecided…).
 */
export const withEngagementIndicator = (name: string, key: IndicatorKey): SignalFrameworkDefinition => ({
  ...DEFAULT_FRAMEWORK.definition,
  name,
  signals: {
    ...DEFAULT_FRAMEWORK.definition.signals,
    engagement: {
      ...DEFAULT_FRAMEWORK.definition.signals.engagement,
      indicators: [...DEFAULT_FRAMEWORK.definition.signals.engagement.indicators, { key, weight: 1 }],
    },
  },
});
