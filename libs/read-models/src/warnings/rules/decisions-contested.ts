import type { EventOfType } from '#domain';
import type { WarningRecord } from '../warning-record.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type Verdict, type WarningCheck } from './warning-verdicts.js';

/** How many contests the open warning of a subject counted so far (0 when none is open). */
function contestsSoFar(open: WarningRecord | undefined): number {
  const contests = open?.details.contests;
  return typeof contests === 'number' ? contests : 0;
}

type Contest = Pick<EventOfType<'DecisionContested'>['data'], 'contestedByRole' | 'contestedByCarerId' | 'grounds'>;

/** Only carers' contests count (a partner's objection is a partnership matter, not an engagement barrier). */
const byCarers = (contest: Contest) => contest.contestedByRole === 'carer';

/**
 * Rule DECISIONS_CONTESTED for decisions: carers contested a carer-affecting decision. One open
 * warning per decision counts the carers' contests since it was taken (or last revised); revising
 * the decision resolves it (decisionRevisited).
 */
export function decisionContested(contest: EventOfType<'DecisionContested'>['data']): WarningCheck {
  return (project, moment) => {
    const decision = project.decisions.get(contest.decisionId);
    if (!byCarers(contest) || !decision || !decision.affectsCarers) return [];
    const contests =
      contestsSoFar(project.open.get(subjectKey('decisions_contested', 'decision', contest.decisionId))) + 1;
    return [
      raise({
        rule: 'decisions_contested',
        subjectType: 'decision',
        subjectId: contest.decisionId,
        severity: 'warning',
        message: `Decision ${contest.decisionId} affects carers and was contested by ${
          contest.contestedByCarerId === null ? 'carers' : 'a carer'
        } (${contests} contest${contests === 1 ? '' : 's'} since it was taken or revised)`,
        details: {
          decisionId: contest.decisionId,
          activityIds: decision.activityIds,
          contests,
          carersConsulted: decision.carersConsulted,
          contestedAs: contest.contestedByCarerId === null ? 'group' : 'individual',
          grounds: contest.grounds,
        },
        relatedIds: [...decision.activityIds],
        raisedAt: moment.occurredAt,
        instance: moment.eventId,
      }),
    ];
  };
}

/**
 * Rule DECISIONS_CONTESTED for cancellations: carers contested an activity's cancellation directly.
 * Resolved as the cancellation's rule-1 warning is: by a decision about that activity taken or
 * revised with the carers consulted (decisionRevisited).
 */
export function cancellationContested(contest: EventOfType<'ActivityCancellationContested'>['data']): WarningCheck {
  return (project, moment) => {
    const activity = project.activities.get(contest.activityId);
    if (!byCarers(contest) || !activity || activity.status !== 'cancelled') return [];
    const contests =
      contestsSoFar(project.open.get(subjectKey('decisions_contested', 'activity', contest.activityId))) + 1;
    return [
      raise({
        rule: 'decisions_contested',
        subjectType: 'activity',
        subjectId: contest.activityId,
        severity: 'warning',
        message: `The cancellation of activity ${contest.activityId}${
          activity.kind ? ` (${activity.kind})` : ''
        } was contested by ${contest.contestedByCarerId === null ? 'carers' : 'a carer'} (${contests} contest${
          contests === 1 ? '' : 's'
        })`,
        details: {
          activityId: contest.activityId,
          kind: activity.kind,
          contests,
          carersConsulted: activity.carersConsulted,
          contestedAs: contest.contestedByCarerId === null ? 'group' : 'individual',
          grounds: contest.grounds,
        },
        relatedIds: [contest.activityId],
        raisedAt: moment.occurredAt,
        instance: moment.eventId,
      }),
    ];
  };
}

/**
 * Revising a decision answers its contest; a decision about cancelled activities taken or revised
 * with the carers revisits each of those cancellations, and so answers each cancellation's contest too.
 */
export function decisionRevisited(decisionId: string, revised: boolean): WarningCheck {
  return (project) => {
    const decision = project.decisions.get(decisionId);
    const verdicts: Verdict[] = revised ? [resolve('decisions_contested', 'decision', decisionId)] : [];
    if (decision?.carersConsulted) {
      for (const activityId of decision.activityIds) {
        verdicts.push(resolve('decisions_contested', 'activity', activityId));
      }
    }
    return verdicts;
  };
}
