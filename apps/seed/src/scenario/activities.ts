import {
  activityAggregate,
  activityStreamId,
  type ActivityCommand,
  type CancellationReason,
  type DecisionMakerRole,
} from '#domain';
import { addDays, addMinutes, atTime, isWinter, nextWeekday } from '../calendar.js';
import type { Random } from '../random.js';
import { PEER_TOPICS, TRAINING_TOPICS, VENUES } from '../texts.js';
import { availableOn, type Member, type PilotWorld, type PlannedCarer } from '../world.js';
import { chooseAttendees, sessionsBefore } from './attendance.js';
import { psychologistOn } from './partnership.js';
import {
  planCancellation,
  planHeld,
  planRegistrations,
  planScheduled,
  scheduledAhead,
  type Session,
} from './sessions.js';

/**
 * Every pilot month, as the territory's variant has it (the valley: a training course in the
 * second week, Tuesday, and a peer meeting in the fourth week, Thursday). About one in ten is cancelled. Before the mid-pilot co-assessment workshop the agency
 * cancels on its own, without asking the carers; afterwards cancellations are agreed with them.
 * Courses get a three-question quiz before and after and the 13-item survey; peer meetings the
 * 4-point survey.
 */
export interface PlannedCancellation {
  readonly session: Session;
  readonly cancelledAt: Date;
  readonly reason: CancellationReason;
  readonly carersConsulted: boolean;
}

export function planActivities(world: PilotWorld, carers: PlannedCarer[]): PlannedCancellation[] {
  const rng = world.rng.fork('activities');
  const { timeline } = world;
  const { milestones } = timeline;
  const sessions: Session[] = [];
  for (let month = 1; month <= timeline.pilotMonths; month++) {
    const monthStart = timeline.pilotMonth(month);
    // The territory's variant says what a month offers; a second session of a kind in a month
    // gets its own key ("peer:3b"), so the first keeps the key (and the draws) it always had.
    const seen = new Set<string>();
    for (const { kind, afterDays } of world.variant.sessions(month)) {
      const key = seen.has(kind) ? `${kind}:${month}b` : `${kind}:${month}`;
      seen.add(kind);
      const day = nextWeekday(addDays(monthStart, afterDays), kind === 'training' ? 2 : 4);
      sessions.push(session(world, kind, month, day, key, rng));
    }
  }
  // The friction of the pilot: a couple of early sessions called off by the agency alone.
  const early = sessions.filter(
    (s) =>
      s.scheduledFor.getTime() > addDays(timeline.pilotStart, 20).getTime() &&
      s.scheduledFor.getTime() < addDays(milestones.midWorkshop, -10).getTime(),
  );
  const forced = new Set(
    rng
      .fork('forced')
      .sample(early, 2)
      .map((s) => s.key),
  );

  const cancellations: PlannedCancellation[] = [];
  for (const s of sessions) {
    const r = rng.fork(s.key);
    planScheduled(world, s);
    const winter = isWinter(s.scheduledFor);
    if (forced.has(s.key) || r.chance(winter ? 0.14 : 0.07)) {
      cancellations.push(cancel(world, s, carers, forced.has(s.key), r));
      continue;
    }
    const training = s.kind === 'training_course';
    const start = addMinutes(s.scheduledFor, r.int(-5, 10));
    const attendees = chooseAttendees(
      carers,
      start,
      training ? r.int(6, 15) : r.int(5, 12),
      (c) => c.engagement * (training ? 1.3 - c.peerAffinity : 0.3 + c.peerAffinity),
      r,
    );
    const others = carers.filter((c) => availableOn(c, start) && !attendees.includes(c));
    const noShows = r.sample(others, r.binomial(3, 0.3));
    const cancelling = r.sample(
      others.filter((c) => !noShows.includes(c)),
      r.binomial(3, 0.3),
    );
    planRegistrations(world, s, [...attendees, ...noShows], cancelling, addMinutes(start, -60), r);
    const held = planHeld(
      world,
      s,
      start,
      training ? r.int(90, 120) : r.int(75, 100),
      attendees,
      representatives(world, s, r),
      false,
    );
    if (training) planQuizzes(world, s, held.start, held.end, attendees, r);
    planSurveys(world, s, held.end, attendees, r);
  }
  return cancellations;
}

function session(
  world: PilotWorld,
  kind: 'training' | 'peer',
  month: number,
  day: Date,
  key: string,
  rng: Random,
): Session {
  const r = rng.fork(key);
  const { milestones } = world.timeline;
  const { cast } = world;
  // After the carers' suggestion, sessions move from mid-afternoon to the early evening.
  const evening = day.getTime() >= milestones.eveningFrom.getTime();
  const scheduledFor = atTime(day, evening ? 17 : 14, 0);
  // Once venues alternate, every other month the sessions go up to the upper valley.
  const alternate = day.getTime() >= milestones.venuesAlternate.getTime();
  const place =
    alternate && month % 2 === 0 ? VENUES.upper : kind === 'peer' && r.chance(0.3) ? VENUES.facilityA : VENUES.floor;
  const training = kind === 'training';
  return {
    key,
    activityId: world.ids.uuid(`activity:${key}`),
    kind: training ? 'training_course' : 'peer_meeting',
    topic: training
      ? TRAINING_TOPICS[(month - 1) % TRAINING_TOPICS.length]!
      : PEER_TOPICS[(month - 1) % PEER_TOPICS.length]!,
    place,
    scheduledFor,
    scheduledAt: scheduledAhead(scheduledFor, r, world.timeline.launch),
    organisingOrganisationId: cast.agency.id,
    facilitator: training ? cast.facilitator : psychologistOn(world, scheduledFor),
    scheduler: cast.agencyCoordinator,
    recorder: training ? cast.facilitator : psychologistOn(world, scheduledFor),
  };
}

function cancel(
  world: PilotWorld,
  s: Session,
  carers: readonly PlannedCarer[],
  forced: boolean,
  r: Random,
): PlannedCancellation {
  const { milestones } = world.timeline;
  const cancelledAt = atTime(addDays(s.scheduledFor, -r.int(1, 5)), r.int(9, 12), r.int(0, 59));
  const alone = cancelledAt.getTime() < milestones.midWorkshop.getTime();
  const weather = isWinter(s.scheduledFor) ? 0.45 : 0.05;
  let reason: CancellationReason = forced
    ? 'expected_low_turnout'
    : r.weighted([
        ['expected_low_turnout', 0.4],
        ['facilitator_unavailable', 0.2],
        ['weather', weather],
        ['venue_unavailable', 0.1],
        ['low_registrations', 0.1],
      ] as const);
  let decidedByRole: DecisionMakerRole = 'provider';
  if (!alone) {
    decidedByRole = r.weighted([
      ['partnership', 0.5],
      ['committee', 0.3],
      ['carers', 0.2],
    ] as const);
    if (decidedByRole === 'carers') reason = 'carers_request';
  }
  const booked = r.sample(
    carers.filter((c) => availableOn(c, cancelledAt)),
    r.int(0, 3),
  );
  planRegistrations(world, s, booked, [], cancelledAt, r);
  planCancellation(world, s, cancelledAt, {
    reason,
    note: reason === 'carers_request' ? 'Carers asked to move it: it clashed with the village fair' : null,
    decidedByRole,
    decidedByOrganisationId: decidedByRole === 'provider' ? world.cast.agency.id : null,
    carersConsulted: !alone,
  });
  return { session: s, cancelledAt, reason, carersConsulted: !alone };
}

function representatives(world: PilotWorld, s: Session, r: Random): Member[] {
  const { cast } = world;
  const members: Member[] = [s.facilitator!];
  if (s.kind === 'training_course') {
    if (r.chance(0.5)) members.push(r.pick(cast.facilityCareProfessionals));
    if (r.chance(0.25)) members.push(r.pick(cast.universityResearchers));
  } else if (r.chance(0.25)) {
    members.push(r.pick(cast.careProfessionals));
  }
  return members;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Three questions before and after each course; practice and competence lift the scores. */
function planQuizzes(
  world: PilotWorld,
  s: Session,
  start: Date,
  end: Date,
  attendees: readonly PlannedCarer[],
  r: Random,
): void {
  const actor = s.recorder.actor;
  for (const carer of attendees) {
    const practice = Math.min(sessionsBefore(carer, start), 5);
    const quiz = (phase: 'before' | 'after', p: number, at: Date) => {
      const command: ActivityCommand = {
        type: 'RecordUnderstandingQuiz',
        data: {
          activityId: s.activityId,
          carerId: carer.id,
          phase,
          questionsAsked: 3,
          correctAnswers: r.binomial(3, clamp(p, 0.05, 0.97)),
        },
      };
      world.plan.add(activityAggregate, at, actor, `${s.key}:quiz:${phase}:${carer.number}`, command);
    };
    if (r.chance(0.92)) quiz('before', 0.36 + 0.25 * carer.competence + 0.03 * practice, addMinutes(start, 5));
    if (r.chance(0.88)) quiz('after', 0.72 + 0.2 * carer.competence + 0.01 * practice, addMinutes(end, -10));
  }
}

/**
 * Satisfaction on the registered instruments. Items 12 (time and place) and 13 (could you leave
 * the person you care for) score lower until evening sessions and respite care start.
 */
function planSurveys(world: PilotWorld, s: Session, end: Date, attendees: readonly PlannedCarer[], r: Random): void {
  const { milestones } = world.timeline;
  const training = s.kind === 'training_course';
  const instrumentId = training ? world.instruments.trainingSatisfaction : world.instruments.peerSatisfaction;
  const before = (milestone: Date) => s.scheduledFor.getTime() < milestone.getTime();
  attendees.forEach((carer, index) => {
    if (!r.chance(training ? 0.82 : 0.78)) return;
    const answers = training
      ? Array.from({ length: 13 }, (_, item) => {
          const bias =
            item === 11
              ? before(milestones.eveningFrom)
                ? -0.3
                : 0.05
              : item === 12
                ? before(milestones.respiteFrom)
                  ? -0.25
                  : 0.05
                : 0;
          const top = clamp(carer.satisfaction - 0.05 + bias, 0.15, 0.95);
          const u = r.next();
          return u < top ? 3 : u < 0.96 ? 2 : 1;
        })
      : [
          r.weighted([
            [4, clamp(carer.satisfaction - 0.35, 0.1, 0.8)],
            [3, 0.4],
            [2, 0.12],
            [1, 0.03],
          ] as const),
        ];
    // A few answer on paper without their name: anonymous responses.
    const carerId = r.chance(0.1) ? null : carer.id;
    world.plan.add(activityAggregate, addMinutes(end, 5 + index), s.recorder.actor, `${s.key}:survey:${carer.number}`, {
      type: 'RecordSatisfactionResponse',
      streamId: activityStreamId(s.activityId),
      // As the resolver: the instrument is read from its stream, so answers are checked against its scale.
      prepare: async (path) => ({
        type: 'RecordSatisfactionResponse' as const,
        data: {
          activityId: s.activityId,
          carerId,
          instrument: await path.satisfactionInstrument(instrumentId),
          answers,
        },
      }),
    });
  });
}
