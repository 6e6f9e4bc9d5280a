import { iso } from '../warning-record.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule 2: the latest decided sessions by scheduled time (then id) end with N or more
 * cancellations; a held session ends the run.
 */
export const cancellationsInARow: WarningCheck = (project, moment) => {
  const threshold = project.thresholds.cancellationsInARow;
  const decided = [...project.activities.entries()]
    .filter(([, activity]) => activity.status !== 'scheduled')
    .sort(([idA, a], [idB, b]) => {
      const atA = a.scheduledFor ?? a.decidedAt ?? 0;
      const atB = b.scheduledFor ?? b.decidedAt ?? 0;
      return atA !== atB ? atA - atB : idA < idB ? -1 : idA > idB ? 1 : 0;
    });
  const run: string[] = [];
  for (let index = decided.length - 1; index >= 0; index--) {
    const [activityId, activity] = decided[index]!;
    if (activity.status !== 'cancelled') break;
    run.unshift(activityId);
  }
  if (run.length < threshold) return [resolve('cancellations_in_a_row', 'project', project.projectId)];
  const last = project.activities.get(run[run.length - 1]!)!;
  const lastAt = last.scheduledFor ?? last.decidedAt;
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
