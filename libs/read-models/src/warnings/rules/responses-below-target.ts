import { round } from '../../shared/index.js';
import type { ResponseKind } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import type { WarningRule } from './warning-rules.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule 5, satisfaction and understanding: one rule on two kinds of responses. The last N responses
 * (by occurredAt) average below the project's threshold: normalised survey scores for
 * satisfaction, correct answers over questions asked in after-course quizzes for understanding.
 */
function responsesBelowTarget(kind: ResponseKind, rule: WarningRule): WarningCheck {
  return (project, moment) => {
    const resolved = [resolve(rule, 'target', kind)];
    const targets = project.settings.targets;
    const recent = project.responses[kind];
    const n = project.thresholds.recentResponses;
    if (!targets || recent.length < n) return resolved;
    const threshold = kind === 'satisfaction' ? targets.satisfactionThreshold : targets.understandingThreshold;
    if (typeof threshold !== 'number') return resolved;
    const numerator = recent.reduce((sum, r) => sum + r.numerator, 0);
    const denominator = recent.reduce((sum, r) => sum + r.denominator, 0);
    const value = denominator > 0 ? numerator / denominator : null;
    if (value === null || value >= threshold - 1e-12) return resolved;
    return [
      raise({
        rule,
        subjectType: 'target',
        subjectId: kind,
        severity: 'warning',
        message: `${kind === 'satisfaction' ? 'Satisfaction' : 'Understanding'} is ${round(value, 2)} over the last ${n} ${
          kind === 'satisfaction' ? 'survey responses' : 'after-course quizzes'
        }, below the target ${threshold}`,
        details: {
          value: round(value, 6),
          threshold,
          responses: n,
          numerator: round(numerator, 6),
          denominator: round(denominator, 6),
          from: iso(recent[0]!.occurredAt),
          to: iso(recent[recent.length - 1]!.occurredAt),
        },
        relatedIds: recent.map((r) => r.eventId),
        raisedAt: moment.occurredAt,
        instance: moment.eventId,
      }),
    ];
  };
}

export const satisfactionBelowTarget = responsesBelowTarget('satisfaction', 'satisfaction_below_target');
export const understandingBelowTarget = responsesBelowTarget('understanding', 'understanding_below_target');
