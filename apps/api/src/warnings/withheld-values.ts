import type { Actor } from '#event-store';
import { mayIdentifyCarers } from '../auth/roles.js';
import type { WarningView } from '#read-models/warnings';

/** `support` holds the carers behind each month: counts of a small group too. */
const VALUES = new Set(['value', 'previousValue', 'drop', 'support']);

/**
 * A signal drop is computed from the signal values themselves, unsuppressed; for roles that may
 * not see individuals the values could single out a carer of a small group (see small groups in
 * docs/signals.md), so such callers learn that the signal dropped, when and how badly (severity),
 * never the values: they read the values, if shown, from `signals`, where suppression applies.
 */
export function withheldValuesFor(actor: Actor, view: WarningView): WarningView {
  if (view.rule !== 'signal_drop' || mayIdentifyCarers(actor)) return view;
  const details = Object.fromEntries(Object.entries(view.details).filter(([key]) => !VALUES.has(key)));
  const month = typeof view.details.month === 'string' ? view.details.month : 'the month';
  return {
    ...view,
    message: `${String(view.details.signal ?? view.subjectId)} dropped in ${month} by at least the framework's threshold (values withheld for your role; see signals)`,
    details: { ...details, valuesWithheld: true },
  };
}
