import { iso } from '../warning-record.js';
import { lastOfRun, trailingRun } from './trailing-run.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule COORDINATION_MEETINGS_MISSED_IN_A_ROW (partnership barrier): the latest decided coordination
 * meetings by scheduled time (then id) end with N or more missed ones; a meeting held ends the run.
 * The same shape as rule 2 for sessions.
 */
export const coordinationMeetingsMissedInARow: WarningCheck = (project, moment) => {
  const threshold = project.thresholds.coordinationMeetingsMissedInARow;
  const run = trailingRun(
    project.meetings,
    (meeting) => meeting.status !== 'planned',
    (meeting) => meeting.status === 'missed',
  );
  if (run.length < threshold) return [resolve('coordination_meetings_missed_in_a_row', 'project', project.projectId)];
  const lastAt = lastOfRun(project.meetings, run);
  return [
    raise({
      rule: 'coordination_meetings_missed_in_a_row',
      subjectType: 'project',
      subjectId: project.projectId,
      severity: run.length >= 2 * threshold ? 'critical' : 'warning',
      message: `${run.length} coordination meetings missed in a row (threshold ${threshold})${
        lastAt !== null ? `, the latest scheduled for ${iso(lastAt)}` : ''
      }`,
      details: { missedInARow: run.length, threshold, meetingIds: run },
      relatedIds: run,
      raisedAt: moment.occurredAt,
      instance: moment.eventId,
    }),
  ];
};
