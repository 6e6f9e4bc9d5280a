import { evidenceAggregate, evidenceStreamId, type ActivityKind, type WorkshopKind } from '#domain';
import { addDays, addHours, atTime, nextWeekday } from '../calendar.js';
import type { Random } from '../random.js';
import { VENUES } from '../texts.js';
import { hasAudioConsentOn, type Member, type PilotWorld, type PlannedCarer } from '../world.js';
import { chooseAttendees } from './attendance.js';
import { codeObservation, pickTemplate, type PlannedObservation, type Speaker } from './coding.js';
import type { Theme } from './observation-library.js';
import { planHeld, planScheduled, scheduledAhead, type Session } from './sessions.js';

/**
 * Three co-design workshops shape the service before the pilot; a co-assessment workshop in the
 * middle of the pilot catches the unconsulted cancellations early; a last one closes the pilot.
 * Each is an activity (who came) and a piece of evidence (counts, audio, coded observations).
 * Co-assessment workshops are audio-recorded, so only carers who consented to recording are asked.
 */
export interface WorkshopOutcome {
  readonly observations: PlannedObservation[];
  readonly midWorkshopAttendees: readonly PlannedCarer[];
}

interface WorkshopShape {
  readonly key: string;
  readonly kind: WorkshopKind;
  readonly topic: string;
  readonly day: Date;
  /** The theme the workshop surfaced first: its coded observation anchors a barrier. */
  readonly anchor: Theme;
  readonly themes: readonly Theme[];
}

export function planWorkshops(world: PilotWorld, carers: PlannedCarer[]): WorkshopOutcome {
  const rng = world.rng.fork('workshops');
  const { timeline } = world;
  const saturday = (date: Date) => atTime(nextWeekday(date, 6), 9, 30);
  const shapes: WorkshopShape[] = [
    {
      key: 'co-design:1',
      kind: 'co_design_workshop',
      topic: 'Co-design 1: what carers need',
      day: saturday(addDays(timeline.launch, 17)),
      anchor: 'trust',
      themes: ['trust', 'positive'],
    },
    {
      key: 'co-design:2',
      kind: 'co_design_workshop',
      topic: 'Co-design 2: where and when',
      day: saturday(addDays(timeline.launch, 31)),
      anchor: 'mobility',
      themes: ['mobility', 'trust'],
    },
    {
      key: 'co-design:3',
      kind: 'co_design_workshop',
      topic: 'Co-design 3: courses, peer meetings and the committee',
      day: saturday(addDays(timeline.launch, 45)),
      anchor: 'respite',
      themes: ['respite', 'partnership'],
    },
    {
      key: 'co-assessment:mid',
      kind: 'co_assessment_workshop',
      topic: 'Co-assessment: the pilot so far',
      day: timeline.milestones.midWorkshop,
      anchor: 'engagement',
      themes: ['engagement', 'positive', 'negative'],
    },
    {
      key: 'co-assessment:final',
      kind: 'co_assessment_workshop',
      topic: 'Co-assessment: looking back on the pilot',
      day: timeline.milestones.finalWorkshop,
      anchor: 'positive',
      themes: ['positive', 'negative', 'trust'],
    },
  ];
  const observations: PlannedObservation[] = [];
  let midWorkshopAttendees: readonly PlannedCarer[] = [];
  for (const shape of shapes) {
    const attendees = planWorkshop(world, shape, carers, observations, rng.fork(shape.key));
    if (shape.key === 'co-assessment:mid') midWorkshopAttendees = attendees;
  }
  return { observations, midWorkshopAttendees };
}

function planWorkshop(
  world: PilotWorld,
  shape: WorkshopShape,
  carers: PlannedCarer[],
  observations: PlannedObservation[],
  r: Random,
): readonly PlannedCarer[] {
  const { cast, plan, projectId } = world;
  const assessment = shape.kind === 'co_assessment_workshop';
  const session: Session = {
    key: shape.key,
    activityId: world.ids.uuid(`activity:${shape.key}`),
    kind: shape.kind satisfies ActivityKind,
    topic: shape.topic,
    place: assessment ? VENUES.university : VENUES.facilityA,
    scheduledFor: shape.day,
    scheduledAt: scheduledAhead(shape.day, r, world.timeline.launch),
    organisingOrganisationId: cast.university.id,
    facilitator: cast.universityResearchers[0]!,
    scheduler: cast.universityCoordinator,
    recorder: cast.universityCoordinator,
  };
  planScheduled(world, session);
  const attendees = chooseAttendees(
    carers,
    shape.day,
    assessment ? r.int(6, 10) : 8,
    (c) => c.engagement,
    r,
    (c) => !assessment || hasAudioConsentOn(c, shape.day),
  );
  const audioRecorded = assessment || (attendees.length > 0 && attendees.every((c) => hasAudioConsentOn(c, shape.day)));
  const present: Member[] = [
    cast.universityCoordinator,
    ...cast.universityResearchers,
    cast.instituteResearchers[0]!,
    cast.agencyCoordinator,
    ...(assessment ? [] : [cast.facilityCoordinators[0]]),
  ];
  const held = planHeld(world, session, shape.day, r.int(150, 210), attendees, present, audioRecorded);

  const evidence = { key: `evidence:${shape.key}`, evidenceId: world.ids.uuid(`evidence:${shape.key}`) };
  const participants = {
    carers: attendees.length,
    providers: present.filter((m) => m.actor.role === 'provider').length,
    researchers: present.filter((m) => m.actor.role === 'researcher').length,
  };
  plan.add(evidenceAggregate, addHours(held.end, 2), cast.universityCoordinator.actor, evidence.key, {
    type: 'RecordWorkshop',
    streamId: evidenceStreamId(evidence.evidenceId),
    // As the resolver: the project must exist. The consent of all is asserted from the carers' own records.
    prepare: async (path) => {
      await path.requireProject(projectId);
      return {
        type: 'RecordWorkshop' as const,
        data: {
          evidenceId: evidence.evidenceId,
          projectId,
          workshopKind: shape.kind,
          participants,
          audioRecorded,
          audioConsentOfAll: audioRecorded && (await path.allConsentToAudio(attendees.map((c) => c.id))),
        },
      };
    },
  });
  // Transcripts are coded a few days later: the anchor theme first, then what else came up.
  const codedAt = addDays(held.end, r.int(3, 8));
  const speak = (): Speaker => (attendees.length > 0 ? { role: 'carer', carer: r.pick(attendees) } : null);
  const count = 1 + r.int(1, 3);
  for (let index = 1; index <= count; index++) {
    const themes = index === 1 ? [shape.anchor] : shape.themes;
    const speaker = speak();
    observations.push(
      codeObservation(world, evidence, index, addHours(codedAt, index), pickTemplate(themes, speaker, r), speaker, r),
    );
  }
  return attendees;
}
