import { validDecidedBy } from '../../decision/decided-by.js';
import { requireOneOf, requireText } from '../../shared/guards.js';
import type { CancelActivity } from '../activity.commands.js';
import { CANCELLATION_REASONS, DECISION_MAKER_ROLES, type ActivityEvent } from '../activity.events.js';
import { existing, requireBoolean, stillScheduled } from '../activity.guards.js';
import { activityError } from '../activity.reasons.js';
import type { ActivityState } from '../activity.state.js';

/** Reasons that cannot stand alone: the note has to say what happened. */
const NOTE_REQUIRED_FOR: readonly string[] = ['other'];

export function cancelActivity(command: CancelActivity, state: ActivityState): ActivityEvent[] {
  const data = command.data;
  const activity = stillScheduled(existing(state, data.activityId));
  const reason = requireOneOf('reason', data.reason, CANCELLATION_REASONS);
  const note = data.note === null || data.note.trim() === '' ? null : requireText('note', data.note);
  if (note === null && NOTE_REQUIRED_FOR.includes(reason)) {
    throw activityError('NOTE_REQUIRED', `A cancellation for reason "${reason}" needs a note`, { field: 'note' });
  }
  const { decidedByRole, decidedByOrganisationId } = validDecidedBy(data, DECISION_MAKER_ROLES, (message, details) =>
    activityError('DECIDING_ORGANISATION_REQUIRED', message, details),
  );
  return [
    {
      type: 'ActivityCancelled',
      data: {
        activityId: activity.activityId,
        projectId: activity.projectId,
        reason,
        note,
        decidedByOrganisationId,
        decidedByRole,
        carersConsulted: requireBoolean('carersConsulted', data.carersConsulted),
      },
    },
  ];
}
