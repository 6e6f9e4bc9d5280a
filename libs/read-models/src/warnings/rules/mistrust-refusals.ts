import type { InvitationState, ProjectView } from '../warning-project-view.js';
import { iso } from '../warning-record.js';
import { DAY_MS, heldSince, inWindow } from './trailing-window.js';
import { subjectKey } from './warning-rules.js';
import { raise, resolve, type WarningCheck } from './warning-verdicts.js';

const RULE = 'mistrust_refusals';

/** The invitations of the window ending at `at`, and those of them refused for mistrust by then. */
function windowAt(project: ProjectView, at: number) {
  const windowMs = project.thresholds.mistrustWindowDays * DAY_MS;
  // This runs for every event of the project (and for each change point when a warning opens):
  // only the window's invitations are sorted, not the project's whole history of them.
  const inTheWindow: Array<[string, Readonly<InvitationState>]> = [];
  for (const entry of project.invitations) {
    if (inWindow(entry[1].invitedAt, at, windowMs)) inTheWindow.push(entry);
  }
  // In the order they were made (then by id), not the order the state was loaded in: a projection
  // resumed from its tables must write the same rows as one that replayed from the start.
  inTheWindow.sort(
    ([idA, a], [idB, b]) => (a.invitedAt ?? 0) - (b.invitedAt ?? 0) || (idA < idB ? -1 : idA > idB ? 1 : 0),
  );
  const invited: string[] = [];
  const mistrust: string[] = [];
  for (const [invitationId, invitation] of inTheWindow) {
    invited.push(invitationId);
    if (invitation.declineReason === 'mistrust' && invitation.declinedAt !== null && invitation.declinedAt <= at) {
      mistrust.push(invitationId);
    }
  }
  // The window changes as the clock moves on only when its oldest invitation leaves it (every
  // invitation folded was made by the clock, and refused by then if it was refused).
  const leavesAt = inTheWindow.length > 0 ? inTheWindow[0]![1].invitedAt! + windowMs : Infinity;
  return { invited, mistrust, leavesAt };
}

function holds(project: ProjectView, invited: number, mistrust: number): boolean {
  const { mistrustMinInvitations: min, mistrustRefusalShare: share } = project.thresholds;
  // Strictly above the share; the small margin keeps 1 of 5 at 20% from passing on a rounding error.
  return invited >= min && mistrust / invited - share > 1e-9;
}

/**
 * Rule MISTRUST_REFUSALS (trust barrier): of the invitations made in the last `mistrustWindowDays`
 * up to the project's clock, more than `mistrustRefusalShare` refused by the carers for mistrust,
 * once the window holds at least `mistrustMinInvitations` invitations. Each invitation counts in
 * the window it was made in, with its refusal (if any), so the share never exceeds one. Raised when
 * history shows the share passed the threshold (an invitation refused, or one accepted leaving the
 * window); resolved once it no longer does.
 */
export const mistrustRefusals: WarningCheck = (project, moment) => {
  const { invited, mistrust, leavesAt } = windowAt(project, moment.clock);
  moment.standsUntil(leavesAt);
  if (!holds(project, invited.length, mistrust.length)) return [resolve(RULE, 'project', project.projectId)];
  const { mistrustWindowDays: days, mistrustRefusalShare: share, mistrustMinInvitations: min } = project.thresholds;
  const open = project.open.has(subjectKey(RULE, 'project', project.projectId));
  const raisedAt = open
    ? moment.clock
    : heldSince(
        changePoints(project),
        (at) => {
          const then = windowAt(project, at);
          return holds(project, then.invited.length, then.mistrust.length);
        },
        moment.clock,
      );
  const percent = Math.round((mistrust.length / invited.length) * 100);
  return [
    raise({
      rule: RULE,
      subjectType: 'project',
      subjectId: project.projectId,
      severity: 'warning',
      message: `${mistrust.length} of the ${invited.length} invitations of the last ${days} days refused for mistrust (${percent}%, more than the ${Math.round(
        share * 100,
      )}% allowed): carers do not trust the service or those who invite them`,
      details: {
        refusedForMistrust: mistrust.length,
        invitations: invited.length,
        share: mistrust.length / invited.length,
        thresholdShare: share,
        minInvitations: min,
        windowDays: days,
        invitationIds: mistrust,
      },
      relatedIds: mistrust,
      raisedAt,
      // With the event that opened it: a late entry may show the condition again from a moment an
      // earlier, since resolved, warning of the rule was raised at.
      instance: `${iso(raisedAt)}|${moment.eventId}`,
    }),
  ];
};

/** When the window's counts change: an invitation made, refused, or leaving the window. */
function changePoints(project: ProjectView): number[] {
  const windowMs = project.thresholds.mistrustWindowDays * DAY_MS;
  const points: number[] = [];
  for (const invitation of project.invitations.values()) {
    if (invitation.invitedAt === null) continue;
    points.push(invitation.invitedAt, invitation.invitedAt + windowMs);
    if (invitation.declinedAt !== null) points.push(invitation.declinedAt);
  }
  return points;
}
