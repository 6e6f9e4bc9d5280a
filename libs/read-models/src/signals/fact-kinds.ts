/**
 * One time-indexed fact per relevant event. A fact carries only what its own event says (plus the
 * territory of its project), never state folded from other events: attributes of a subject (an
 * activity's kind, a decision's reach, a suggestion's author, a barrier's code) are joined at query
 * time from the subject's own fact, under the same `asOf`/`knownAt` visibility. That is what makes
 * time travel exact: the facts visible at T are exactly the facts a replay of the events visible at
 * T would write, whatever order history was entered in.
 *
 * Generic columns, whose meaning per kind is listed in FACT_KINDS below and in docs/signals.md.
 */
export interface SignalFact {
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  project_id: string | null;
  territory_id: string | null;
  kind: FactKind;
  subject_id: string;
  carer_id: string | null;
  activity_id: string | null;
  organisation_id: string | null;
  category: string | null;
  detail: string | null;
  flag: boolean | null;
  amount: number | null;
  total: number | null;
  occurred_at: string;
  recorded_at: string;
  data: Record<string, unknown>;
}

/** Fact kinds and, per kind, what the generic columns hold. */
export const FACT_KINDS = {
  project_launched: 'subject=project, amount=eligible carers, total=pilot months, data={startsOn, targets}',
  project_targets_revised: 'subject=project, data={targets}',
  pilot_extended: 'subject=project, amount=additional months, total=pilot months',
  project_phase_started: 'subject=project, category=phase',
  territory_added: 'subject=territory, detail=programme (no project)',
  framework_adopted: 'subject=framework id, amount=version, detail=programme (no project)',
  carer_invited: 'subject=invitation, carer, organisation=inviting, category=channel, amount=invitation number',
  invitation_answered: 'subject=invitation, carer, category=channel, flag=accepted, detail=decline reason',
  carer_withdrew: 'subject=carer, carer, detail=reason',
  activity_scheduled: 'subject=activity, organisation=organiser, category=activity kind, data={scheduledFor}',
  activity_rescheduled: 'subject=activity, data={scheduledFor, previousScheduledFor}',
  activity_cancelled:
    'subject=activity, organisation=deciding, category=decided by role, detail=reason, flag=carers consulted (null: unknown)',
  cancellation_contested: 'subject=activity, carer=contesting carer, category=contester role',
  activity_held: 'subject=activity, amount=duration minutes, data={startedAt}',
  carer_attended: 'subject=activity, carer',
  partner_attended: 'subject=activity, organisation, detail=member',
  quiz_answered:
    'subject=activity, carer, category=phase (before/after), amount=correct answers, total=questions asked',
  survey_answered:
    'subject=activity, carer (null: anonymous), detail=instrument, amount=normalised score (mean of answer/scale max), total=items',
  instrument_registered:
    'subject=instrument, detail=instrument, category=respondents (carers / partner_members), total=items (no project, no territory)',
  instrument_answered:
    'subject=response, carer (carer respondents only), organisation=member’s organisation (partner members only), category=respondents, detail=instrument, amount=normalised score (mean of answer/scale max), total=items',
  decision_taken:
    'subject=decision, organisation=deciding, category=decided by role, flag=carers consulted, detail=carer involvement level, data={affectsCarers}',
  decision_contested: 'subject=decision, carer=contesting carer, category=contester role',
  decision_revised: 'subject=decision, flag=carers consulted, detail=carer involvement level',
  suggestion_made: 'subject=suggestion, carer, organisation, category=suggester role, detail=topic',
  suggestion_adopted: 'subject=suggestion',
  suggestion_declined: 'subject=suggestion, detail=reason',
  suggestion_implemented: 'subject=suggestion',
  partner_joined: 'subject=organisation, organisation, category=partner role',
  partner_left: 'subject=organisation, organisation',
  roles_clarified: 'subject=organisation, organisation, amount=responsibilities listed',
  roles_unclear: 'subject=organisation, organisation',
  meeting_planned: 'subject=coordination meeting, category=format, data={scheduledFor, cadence}',
  meeting_held: 'subject=coordination meeting, category=format, amount=duration, data={organisations}',
  meeting_missed: 'subject=coordination meeting, detail=reason',
  concern_raised: 'subject=concern, organisation=raising, category=concern category',
  concern_resolved: 'subject=concern',
  barrier_observed: 'subject=barrier, category=code, detail=taxonomy, data={stage, level, inabilityKind}',
  barrier_adjusted: 'subject=barrier, organisation=acting',
  barrier_resolved: 'subject=barrier',
  barrier_reopened: 'subject=barrier',
  observation_coded:
    'subject=observation, category=observation kind, detail=code, data={taxonomy, stage, level, evidenceKind, phase}',
} as const;
export type FactKind = keyof typeof FACT_KINDS;
