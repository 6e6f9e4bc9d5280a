import type { PlatformEvent, PlatformEventType, RoleInvitations, RoleTurnout, WorkshopParticipants } from '#domain';
import type { RecordedEvent } from '#event-store';
import { eventHandlers } from '#projections';
import { knownSince, num, str } from '../shared/index.js';

/**
 * One row per event the data inventory reads, keyed by the event id, holding only what its own
 * event says (a registered carer's gender is joined at query time, under the same `asOf`/`knownAt`).
 * Counts of people, never identities, except the pseudonymous references evidence already carries.
 */
export interface InventoryFact {
  event_id: string;
  pos_commit: string;
  pos_prepare: string;
  project_id: string | null;
  kind: InventoryFactKind;
  subject_id: string;
  method: string | null;
  pilot_moment: string | null;
  duration_minutes: number | null;
  interview_mode: string | null;
  person_role: string | null;
  person_ref: string | null;
  gender: string | null;
  people: readonly RoleTurnout[] | readonly RoleInvitations[] | null;
  occurred_at: string;
  recorded_at: string;
}

/** Fact kinds and, per kind, what the columns hold (docs/inventory.md has the same table). */
export const INVENTORY_FACT_KINDS = {
  project_launched: 'subject=project',
  carer_registered: 'subject=carer id, gender=the gender the carer gave',
  interview:
    'subject=evidence, method=interview, pilot_moment, duration_minutes, interview_mode, person_role/person_ref=the interviewee, gender=disclosed at the interview',
  workshop:
    'subject=evidence, method=workshop kind, pilot_moment, duration_minutes, people=turnout per role (from participants when not recorded: invited null, genders 0)',
  reflexive_note: "subject=evidence, method=reflexive_note, pilot_moment, person_ref=the author, gender=the author's",
  collection_round: 'subject=round, method, pilot_moment, people=invited per role',
} as const;
export type InventoryFactKind = keyof typeof INVENTORY_FACT_KINDS;

type Columns = Partial<
  Omit<InventoryFact, 'event_id' | 'pos_commit' | 'pos_prepare' | 'occurred_at' | 'recorded_at'>
> & {
  project_id: string | null;
  kind: InventoryFactKind;
  subject_id: string;
};

/** The three roles a workshop's `participants` counts. */
const PARTICIPANT_COUNTS = [
  ['carer', 'carers'],
  ['provider', 'providers'],
  ['researcher', 'researchers'],
] as const;

/**
 * A workshop recorded without its turnout (schema version 1, or left out) still says how many
 * carers, providers and researchers took part: that much is its turnout, invitations and genders
 * not recorded.
 */
export function turnoutOfParticipants(participants: WorkshopParticipants): RoleTurnout[] {
  return PARTICIPANT_COUNTS.flatMap(([role, field]) => {
    const tookPart = num(participants?.[field]) ?? 0;
    return tookPart > 0 ? [{ role, invited: null, tookPart, female: 0, male: 0, other: 0 }] : [];
  });
}

/** The columns each event type fills; the rest of the row is null. */
export const inventoryFactHandlers = eventHandlers<PlatformEvent, void, Columns>({
  ProjectLaunched: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'project_launched',
    subject_id: String(data.projectId),
  }),
  CarerRegistered: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'carer_registered',
    subject_id: String(data.carerId),
    gender: str(data.gender),
  }),
  InterviewRecorded: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'interview',
    subject_id: String(data.evidenceId),
    method: 'interview',
    pilot_moment: str(data.pilotMoment),
    duration_minutes: num(data.durationMinutes),
    interview_mode: str(data.mode),
    person_role: str(data.intervieweeRole),
    person_ref: str(data.intervieweeRef),
    gender: str(data.intervieweeGender),
  }),
  WorkshopRecorded: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'workshop',
    subject_id: String(data.evidenceId),
    method: str(data.workshopKind),
    pilot_moment: str(data.pilotMoment),
    duration_minutes: num(data.durationMinutes),
    people: data.turnout ?? turnoutOfParticipants(data.participants),
  }),
  // The researchers' own reflexive notes (docs/domain.md): their authors take part as researchers.
  ReflexiveNoteRecorded: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'reflexive_note',
    subject_id: String(data.evidenceId),
    method: 'reflexive_note',
    pilot_moment: str(data.pilotMoment),
    person_role: 'researcher',
    person_ref: str(data.authorMemberId),
    gender: str(data.authorGender),
  }),
  CollectionRoundRecorded: ({ data }) => ({
    project_id: str(data.projectId),
    kind: 'collection_round',
    subject_id: String(data.roundId),
    method: str(data.method),
    pilot_moment: str(data.pilotMoment),
    people: Array.isArray(data.invited) ? data.invited : null,
  }),
});

/** The event types the inventory projection subscribes to: those it has a handler for. */
export const INVENTORY_FACT_EVENT_TYPES: readonly PlatformEventType[] = inventoryFactHandlers.eventTypes;

/** The fact an event becomes, or null for events of other types. */
export function inventoryFactOf(event: RecordedEvent): InventoryFact | null {
  const columns = inventoryFactHandlers.handle(event, undefined);
  if (!columns) return null;
  return {
    event_id: event.id,
    pos_commit: event.position.commit.toString(),
    pos_prepare: event.position.prepare.toString(),
    method: null,
    pilot_moment: null,
    duration_minutes: null,
    interview_mode: null,
    person_role: null,
    person_ref: null,
    gender: null,
    people: null,
    ...columns,
    occurred_at: event.occurredAt.toISOString(),
    recorded_at: knownSince(event).toISOString(),
  };
}
