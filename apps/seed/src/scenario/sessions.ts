import { activityAggregate, type ActivityKind, type CancellationReason, type DecisionMakerRole } from '#domain';
import { addDays, addHours, addMinutes, between, latest } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import type { Member, PilotWorld, PlannedCarer } from '../world.js';

/**
 * The life of one activity, shared by courses, peer meetings, committee meetings and workshops:
 * scheduled weeks ahead, carers register by phone, then it is held (attendance, partner
 * representatives) or cancelled (with who decided and whether the carers were consulted).
 */
export interface Session {
  readonly key: string;
  readonly activityId: string;
  readonly kind: ActivityKind;
  readonly topic: string;
  readonly place: string;
  readonly scheduledFor: Date;
  readonly scheduledAt: Date;
  readonly organisingOrganisationId: string;
  readonly facilitator: Member | null;
  /** Who puts it in the calendar. */
  readonly scheduler: Member;
  /** Who records on the platform that it was held, and who came. */
  readonly recorder: Member;
}

export interface Held {
  readonly start: Date;
  readonly end: Date;
  readonly attendees: readonly PlannedCarer[];
}

export function planScheduled(world: PilotWorld, session: Session): void {
  world.plan.add(
    activityAggregate,
    session.scheduledAt,
    session.scheduler.actor,
    `${session.key}:schedule`,
    checkingProject(world.projectId, {
      type: 'ScheduleActivity',
      data: {
        activityId: session.activityId,
        projectId: world.projectId,
        kind: session.kind,
        topic: session.topic,
        scheduledFor: session.scheduledFor.toISOString(),
        place: session.place,
        facilitatorMemberId: session.facilitator?.id ?? null,
        organisingOrganisationId: session.organisingOrganisationId,
      },
    }),
  );
}

/** Bookings taken by the agency by phone between scheduling and `until`; some are cancelled again. */
export function planRegistrations(
  world: PilotWorld,
  session: Session,
  carers: readonly PlannedCarer[],
  cancelling: readonly PlannedCarer[],
  until: Date,
  r: Random,
): void {
  const agency = world.cast.agencyCoordinator.actor;
  const book = (carer: PlannedCarer) => {
    const from = addHours(latest(session.scheduledAt, carer.joinedAt ?? session.scheduledAt), 1);
    const at = between(from, addHours(until, -2), r.next());
    world.plan.add(activityAggregate, at, agency, `${session.key}:register:${carer.number}`, {
      type: 'RegisterCarerForActivity',
      data: { activityId: session.activityId, carerId: carer.id },
    });
    return at;
  };
  carers.forEach(book);
  for (const carer of cancelling) {
    const bookedAt = book(carer);
    world.plan.add(
      activityAggregate,
      between(bookedAt, until, r.next()),
      agency,
      `${session.key}:unregister:${carer.number}`,
      {
        type: 'CancelActivityRegistration',
        data: { activityId: session.activityId, carerId: carer.id },
      },
    );
  }
}

export function planCancellation(
  world: PilotWorld,
  session: Session,
  at: Date,
  decision: {
    reason: CancellationReason;
    note: string | null;
    decidedByRole: DecisionMakerRole;
    decidedByOrganisationId: string | null;
    carersConsulted: boolean;
  },
): void {
  world.plan.add(activityAggregate, at, world.cast.agencyCoordinator.actor, `${session.key}:cancel`, {
    type: 'CancelActivity',
    data: { activityId: session.activityId, ...decision },
  });
}

export function planHeld(
  world: PilotWorld,
  session: Session,
  start: Date,
  durationMinutes: number,
  attendees: readonly PlannedCarer[],
  representatives: readonly Member[],
  audioRecorded: boolean,
): Held {
  const { plan } = world;
  const actor = session.recorder.actor;
  const hold = {
    type: 'HoldActivity' as const,
    data: { activityId: session.activityId, startedAt: start.toISOString(), durationMinutes, audioRecorded },
  };
  plan.add(activityAggregate, start, actor, `${session.key}:hold`, {
    command: hold,
    // Nothing is recorded on tape unless every carer present consented (Carer.hasConsent).
    check: async (path) => {
      if (audioRecorded) await path.requireAudioConsent(attendees.map((c) => c.id));
    },
  });
  representatives.forEach((member) =>
    plan.add(activityAggregate, addMinutes(start, 1), actor, `${session.key}:partner:${member.id}`, {
      type: 'RecordPartnerAttendance',
      data: { activityId: session.activityId, organisationId: member.organisationId, memberId: member.id },
    }),
  );
  attendees.forEach((carer) => {
    const command = {
      type: 'RecordCarerAttendance' as const,
      data: { activityId: session.activityId, carerId: carer.id },
    };
    plan.add(activityAggregate, addMinutes(start, 2), actor, `${session.key}:attend:${carer.number}`, {
      command,
      check: (path) => path.requireParticipating(carer.id),
    });
  });
  return { start, end: addMinutes(start, durationMinutes), attendees };
}

/** The day a session is put in the calendar: three to four weeks ahead, but never before the project exists. */
export const scheduledAhead = (date: Date, r: Random, notBefore: Date): Date => {
  const day = addDays(date, -r.int(18, 28));
  const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, r.int(0, 59)));
  return latest(at, addHours(notBefore, 2));
};
