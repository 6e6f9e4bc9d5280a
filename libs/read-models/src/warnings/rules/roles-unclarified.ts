import type { PartnerState } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type Verdict, type WarningCheck, type WarningSpec } from './warning-verdicts.js';

const DAY_MS = 86_400_000;

/**
 * Rule ROLES_UNCLARIFIED (partnership barrier): a partner in the partnership whose roles are still
 * unclarified `rolesUnclarifiedDays` after it joined (or after they were found unclear again), at
 * the project's clock. Raised at its due moment, like the barrier rule, and judged before each
 * event as well as after, so a clarification dated after the due moment finds it raised first.
 */
export const rolesUnclarified: WarningCheck = (project, moment) => {
  const days = project.thresholds.rolesUnclarifiedDays;
  const verdicts: Verdict[] = [];
  let nextDue = Infinity;
  for (const [organisationId, partner] of project.partners) {
    if (!partner.member || partner.unclearSince === null) continue;
    const due = partner.unclearSince + days * DAY_MS;
    if (moment.clock < due) {
      nextDue = Math.min(nextDue, due);
      continue;
    }
    if (project.open.has(subjectKey('roles_unclarified', 'partner', organisationId))) continue;
    verdicts.push(raise(rolesWarning(organisationId, partner, days)));
  }
  moment.standsUntil(nextDue);
  return verdicts;
};

/** Clarified roles, or a partner that left, resolve its warning. */
export const rolesSettled =
  (organisationId: string): WarningCheck =>
  (project) => {
    const partner = project.partners.get(organisationId);
    return partner && partner.member && partner.unclearSince !== null
      ? []
      : [resolve('roles_unclarified', 'partner', organisationId)];
  };

function rolesWarning(organisationId: string, partner: Readonly<PartnerState>, days: number): WarningSpec {
  const since = partner.unclearSince!;
  const due = since + days * DAY_MS;
  return {
    rule: 'roles_unclarified',
    subjectType: 'partner',
    subjectId: organisationId,
    severity: 'warning',
    message: `The roles of partner ${organisationId} are still unclarified ${days} days after ${iso(since)}`,
    details: { organisationId, unclearSince: iso(since), dueAt: iso(due), thresholdDays: days },
    relatedIds: [organisationId],
    raisedAt: due,
    instance: iso(since),
  };
}
