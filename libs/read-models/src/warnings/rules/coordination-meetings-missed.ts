import { iso } from '../warning-record.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule COORDINATION_MEETINGS_MISSED_IN_A_ROW (partnership barrier): the latest decided coordination
 * meetings by scheduled time (then id) end with N or more missed ones; a meeting held ends the run.
 * The same shape as rule 2 for sessions.
 */
export const coordinationMeetingsMissedInARow: WarningCheck = (project, moment) => {
  const threshold = project.thresholds.coordinationMeetingsMissedInARow;
  const decided = [...project.meetings.entries()]
    .filter(([, meeting]) => meeting.status !== 'planned')
    .sort(([idA, a], [idB, b]) => {
      const atA = a.scheduledFor ?? a.decidedAt ?? 0;
      const atB = b.scheduledFor ?? b.decidedAt ?? 0;
      return atA !== atB ? atA - atB : idA < idB ? -1 : idA > idB ? 1 : 0;
    });
  const run: string[] = [];
  for (let index = decided.length - 1; index >= 0; index--) {
    const [meetingId, meeting] = decided[index]!;
    if (meeting.status !== 'missed') break;
    run.unshift(meetingId);
  }
  if (run.length < threshold) return [resolve('coordination_meetings_missed_in_a_row', 'project', project.projectId)];
  const last = project.meetings.get(run[run.length - 1]!)!;
  const lastAt = last.scheduledFor ?? last.decidedAt;
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
