import { iso } from '../warning-record.js';
import { lastOfRun, trailingRun } from './trailing-run.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule 2: the latest decided sessions by scheduled time (then id) end with N or more
 * cancellations; a held session ends the run.
 */
export const cancellationsInARow: WarningCheck = (project, moment) => {
  const threshold = project.thresholds.cancellationsInARow;
  const run = trailingRun(
    project.activities,
    (activity) => activity.status !== 'scheduled',
    (activity) => activity.status === 'cancelled',
  );
  if (run.length < threshold) return [resolve('cancellations_in_a_row', 'project', project.projectId)];
  const lastAt = lastOfRun(project.activities, run);
  return [
    raise({
      rule: 'cancellations_in_a_row',
      subjectType: 'project',
      subjectId: project.projectId,
      severity: run.length >= 2 * threshold ? 'critical' : 'warning',
      message: `${run.length} sessions cancelled in a row (threshold ${threshold})${
        lastAt !== null ? `, the latest scheduled for ${iso(lastAt)}` : ''
      }`,
      details: { count: run.length, threshold, activityIds: run },
      relatedIds: run,
      raisedAt: moment.occurredAt,
      instance: moment.eventId,
    }),
  ];
};
