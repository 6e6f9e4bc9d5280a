import { iso } from '../warning-record.js';
import { NOT_FEASIBLE_REASONS } from './warning-rules.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

const DAY_MS = 86_400_000;

/**
 * Rule SUGGESTIONS_DECLINED_NOT_FEASIBLE (inability or impossibility to change): carers'
 * suggestions declined as not feasible within the budget or the rules, declined within the last
 * `suggestionsDeclinedWindowDays` up to the project's clock. One is a notice; `suggestionsDeclinedPattern`
 * or more a warning (the same warning, escalated). Resolved once none is left in the window.
 */
export const suggestionsDeclinedNotFeasible: WarningCheck = (project, moment) => {
  const { suggestionsDeclinedPattern: pattern, suggestionsDeclinedWindowDays: days } = project.thresholds;
  const since = moment.clock - days * DAY_MS;
  const declined = [...project.suggestions.entries()]
    .filter(
      ([, suggestion]) =>
        suggestion.byCarer === true &&
        suggestion.declinedAt !== null &&
        suggestion.declinedAt > since &&
        suggestion.declinedAt <= moment.clock &&
        (NOT_FEASIBLE_REASONS as readonly (string | null)[]).includes(suggestion.declineReason),
    )
    .sort(([idA, a], [idB, b]) => a.declinedAt! - b.declinedAt! || (idA < idB ? -1 : idA > idB ? 1 : 0));
  // As the clock moves on, the window changes only when its earliest decline leaves it.
  moment.standsUntil(declined.length > 0 ? declined[0]![1].declinedAt! + days * DAY_MS : Infinity);
  if (declined.length === 0) return [resolve('suggestions_declined_not_feasible', 'project', project.projectId)];
  const ids = declined.map(([id]) => id);
  const byBudget = declined.filter(([, s]) => s.declineReason === 'not_feasible_budget').length;
  const latest = declined[declined.length - 1]![1].declinedAt!;
  const isPattern = declined.length >= pattern;
  return [
    raise({
      rule: 'suggestions_declined_not_feasible',
      subjectType: 'project',
      subjectId: project.projectId,
      severity: isPattern ? 'warning' : 'notice',
      message: `${declined.length} carers' suggestion${declined.length === 1 ? '' : 's'} declined as not feasible in the last ${days} days (${byBudget} for the budget, ${
        declined.length - byBudget
      } for the rules; a pattern from ${pattern}), the latest on ${iso(latest)}`,
      details: {
        declined: declined.length,
        threshold: pattern,
        windowDays: days,
        notFeasibleBudget: byBudget,
        notFeasibleRules: declined.length - byBudget,
        suggestionIds: ids,
        from: iso(declined[0]![1].declinedAt!),
        to: iso(latest),
      },
      relatedIds: ids,
      // When history shows it: the decline that made the first one (a later refresh keeps it).
      raisedAt: latest,
      instance: iso(latest),
    }),
  ];
};
