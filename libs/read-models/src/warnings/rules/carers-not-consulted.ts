import type { EventOfType } from '#domain';
import { raise, resolve, type Verdict, type WarningCheck } from './warning-verdicts.js';

/**
 * Rule 1 for decisions: affects carers and (as of its latest revision) taken without them. One
 * warning for the decision, related to every activity it covers, so each of them shows it; revising
 * the decision with the carers resolves it. A decision about cancelled activities, taken or revised
 * with the carers, revisits each of those cancellations with them.
 */
export function decisionWithoutCarers(decisionId: string): WarningCheck {
  return (project, moment) => {
    const decision = project.decisions.get(decisionId)!;
    const verdicts: Verdict[] = [];
    if (decision.affectsCarers && !decision.carersConsulted) {
      verdicts.push(
        raise({
          rule: 'carers_not_consulted',
          subjectType: 'decision',
          subjectId: decisionId,
          severity: 'warning',
          message: `Decision ${decisionId} affects carers and was taken without consulting them`,
          details: { decisionId, activityIds: decision.activityIds },
          relatedIds: [...decision.activityIds],
          raisedAt: moment.occurredAt,
          instance: moment.eventId,
        }),
      );
    } else {
      verdicts.push(resolve('carers_not_consulted', 'decision', decisionId));
    }
    if (decision.carersConsulted) {
      for (const activityId of decision.activityIds) {
        verdicts.push(resolve('carers_not_consulted', 'activity', activityId));
      }
    }
    return verdicts;
  };
}

/** Rule 1 for cancellations: `carersConsulted === false` (null, not recorded, is not a "no"). */
export function cancellationWithoutCarers(cancellation: EventOfType<'ActivityCancelled'>['data']): WarningCheck {
  return (project, moment) => {
    if (cancellation.carersConsulted !== false) return [];
    const { activityId, reason } = cancellation;
    const activity = project.activities.get(activityId)!;
    return [
      raise({
        rule: 'carers_not_consulted',
        subjectType: 'activity',
        subjectId: activityId,
        severity: 'warning',
        message: `Activity ${activityId}${activity.kind ? ` (${activity.kind})` : ''} was cancelled without consulting the carers${
          typeof reason === 'string' ? ` (reason: ${reason})` : ''
        }`,
        details: {
          activityId,
          kind: activity.kind,
          reason: reason ?? null,
          decidedByRole: cancellation.decidedByRole ?? null,
          decidedByOrganisationId: cancellation.decidedByOrganisationId ?? null,
        },
        relatedIds: [activityId],
        raisedAt: moment.occurredAt,
        instance: moment.eventId,
      }),
    ];
  };
}
