import { iso } from '../warning-record.js';
import { DAY_MS } from './trailing-window.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

const RULE = 'carer_requests_not_met';

/**
 * Rule CARER_REQUESTS_NOT_MET (inability or impossibility to change): carers' requests (substitute
 * care hours, respite, transport, ...) the providers declined within the last
 * `carerRequestsDeclinedWindowDays` up to the project's clock. One is a notice; a pattern of
 * `carerRequestsDeclinedPattern` or more a warning (the same warning, escalated). The counts tell an
 * impossibility (a rule, the law, a budget already fixed) from an inability (a choice or capacity
 * the providers could change): only the second is the providers' to act on. Resolved once none is
 * left in the window.
 */
export const carerRequestsNotMet: WarningCheck = (project, moment) => {
  const { carerRequestsDeclinedPattern: pattern, carerRequestsDeclinedWindowDays: days } = project.thresholds;
  const since = moment.clock - days * DAY_MS;
  const declined = [...project.carerRequests.entries()]
    .filter(
      ([, request]) => request.declinedAt !== null && request.declinedAt > since && request.declinedAt <= moment.clock,
    )
    .sort(([idA, a], [idB, b]) => a.declinedAt! - b.declinedAt! || (idA < idB ? -1 : idA > idB ? 1 : 0));
  // As the clock moves on, the window changes only when its earliest decline leaves it.
  moment.standsUntil(declined.length > 0 ? declined[0]![1].declinedAt! + days * DAY_MS : Infinity);
  if (declined.length === 0) return [resolve(RULE, 'project', project.projectId)];
  const ids = declined.map(([id]) => id);
  const impossibility = declined.filter(([, r]) => r.cannotMeetBecause === 'impossibility').length;
  const inability = declined.filter(([, r]) => r.cannotMeetBecause === 'inability').length;
  const byCategory: Record<string, number> = {};
  for (const [, request] of declined) {
    const category = request.category ?? 'unknown';
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  const latest = declined[declined.length - 1]![1].declinedAt!;
  const isPattern = declined.length >= pattern;
  return [
    raise({
      rule: RULE,
      subjectType: 'project',
      subjectId: project.projectId,
      severity: isPattern ? 'warning' : 'notice',
      message: `${declined.length} carers' request${declined.length === 1 ? '' : 's'} the providers could not meet in the last ${days} days: ${impossibility} an impossibility (outside their choice), ${inability} an inability (theirs to change); a pattern from ${pattern}; the latest on ${iso(
        latest,
      )}`,
      details: {
        declined: declined.length,
        threshold: pattern,
        windowDays: days,
        impossibility,
        inability,
        byCategory,
        requestIds: ids,
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
