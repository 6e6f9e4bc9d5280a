import type { ConcernState } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import { DAY_MS } from './trailing-window.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type Verdict, type WarningCheck, type WarningSpec } from './warning-verdicts.js';

const RULE = 'meeting_format_concerns_unresolved';

/**
 * Rule MEETING_FORMAT_CONCERNS_UNRESOLVED (partnership barrier): a partner's coordination concern
 * of category `meeting_format` (meetings by video call that exclude some partners, too long, at the
 * wrong time, ...) still unresolved `meetingFormatConcernDays` after it was raised, at the project's
 * clock. Raised at its due moment, like ROLES_UNCLARIFIED, and judged before each event as well as
 * after, so a resolution dated after the due moment finds it raised first, then resolves it.
 */
export const meetingFormatConcernsUnresolved: WarningCheck = (project, moment) => {
  const days = project.thresholds.meetingFormatConcernDays;
  const verdicts: Verdict[] = [];
  // By when they were raised (then id): the same order whether the state was replayed or reloaded.
  const concerns = [...project.concerns].sort(
    ([idA, a], [idB, b]) => (a.raisedAt ?? 0) - (b.raisedAt ?? 0) || (idA < idB ? -1 : idA > idB ? 1 : 0),
  );
  let nextDue = Infinity;
  for (const [concernId, concern] of concerns) {
    if (concern.category !== 'meeting_format' || concern.resolved || concern.raisedAt === null) continue;
    const due = concern.raisedAt + days * DAY_MS;
    if (moment.clock < due) {
      nextDue = Math.min(nextDue, due);
      continue;
    }
    if (project.open.has(subjectKey(RULE, 'concern', concernId))) continue;
    verdicts.push(raise(concernWarning(concernId, concern, days)));
  }
  moment.standsUntil(nextDue);
  return verdicts;
};

/** A resolved concern resolves its warning (whenever the resolution is dated). */
export const meetingFormatConcernResolved =
  (concernId: string): WarningCheck =>
  (project) =>
    project.concerns.get(concernId)?.resolved === true ? [resolve(RULE, 'concern', concernId)] : [];

function concernWarning(concernId: string, concern: Readonly<ConcernState>, days: number): WarningSpec {
  const raisedAt = concern.raisedAt!;
  const due = raisedAt + days * DAY_MS;
  const by = concern.raisedByOrganisationId;
  return {
    rule: RULE,
    subjectType: 'concern',
    subjectId: concernId,
    severity: 'warning',
    message: `A concern about the coordination meetings' format${by === null ? '' : ` raised by ${by}`} on ${iso(
      raisedAt,
    )} is still unresolved ${days} days later`,
    details: { concernId, raisedByOrganisationId: by, raisedAt: iso(raisedAt), dueAt: iso(due), thresholdDays: days },
    relatedIds: by === null ? [concernId] : [concernId, by],
    raisedAt: due,
    instance: iso(raisedAt),
  };
}
