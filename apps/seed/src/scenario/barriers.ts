import {
  barrierAggregate,
  type InabilityKind,
  type ObservationLevel,
  type ObservationStage,
  type Taxonomy,
} from '#domain';
import { addDays, addHours, atTime, isWinter, latest } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Organisation, PilotWorld } from '../world.js';
import type { PlannedObservation } from './coding.js';
import type { Theme } from './observation-library.js';

/**
 * The barriers the team names from its coded observations, the adjustment actions it takes and
 * whether they work. Six of seven are resolved; the provider's inability to fund extra
 * home-care hours (a constraint, not a choice) stays open. Poor mobility comes back in winter.
 */
interface BarrierShape {
  readonly key: string;
  readonly theme: Theme;
  readonly taxonomy: Taxonomy;
  readonly code: string;
  readonly stage: ObservationStage;
  readonly level: ObservationLevel;
  readonly inabilityKind: InabilityKind | null;
  readonly description: string;
  /** When the team names it at the earliest (never before its first coded observation). */
  readonly from: Date;
  readonly actions: readonly { readonly at: Date; readonly by: Organisation; readonly description: string }[];
  readonly resolved: { readonly at: Date; readonly resolution: string } | null;
}

export function planBarriers(world: PilotWorld, observations: readonly PlannedObservation[]): void {
  const { timeline, cast, plan, projectId } = world;
  const { milestones } = timeline;
  const at = timeline.at;
  const shapes: BarrierShape[] = [
    {
      key: 'trust',
      theme: 'trust',
      taxonomy: 'pilot_barriers',
      code: 'lack_of_trust',
      stage: 'before',
      level: 'citizen',
      inabilityKind: null,
      description: 'Families refuse at first contact: they do not know the university or the project team',
      from: addDays(timeline.pilotStart, -3),
      actions: [
        { at: at(0.05), by: cast.agency, description: 'Carers who joined invite others they know (word of mouth)' },
        { at: at(0.1), by: cast.agency, description: 'The agency coordinator phones registered carers every week' },
      ],
      resolved: {
        at: at(0.55),
        resolution: 'Refusals at first contact are now rare; most newcomers come by word of mouth',
      },
    },
    {
      key: 'partnership',
      theme: 'partnership',
      taxonomy: 'pilot_barriers',
      code: 'lack_of_cohesive_partnership',
      stage: 'during',
      level: 'team',
      inabilityKind: null,
      description: 'Unclear roles between university and agency, different meeting styles, problems left unsaid',
      from: addDays(milestones.rolesFoundUnclear, 5),
      actions: [
        {
          at: milestones.rolesClarified,
          by: cast.university,
          description: 'Responsibilities of every partner written down',
        },
        {
          at: at(0.25),
          by: cast.institute,
          description: 'Video calls alternate with in-person meetings; an open round on problems',
        },
      ],
      resolved: { at: at(0.4), resolution: 'Partners report clear roles; meetings are held and attended' },
    },
    {
      key: 'respite',
      theme: 'respite',
      taxonomy: 'pilot_barriers',
      code: 'inability_to_change',
      stage: 'before',
      level: 'citizen',
      inabilityKind: 'impossibility',
      description: 'Carers cannot leave the person they care for without a trusted substitute',
      from: addDays(timeline.pilotStart, 2),
      actions: [
        {
          at: milestones.respiteFrom,
          by: cast.facilityA,
          description: 'Respite care in the day centre during sessions',
        },
      ],
      resolved: { at: addDays(milestones.respiteFrom, 75), resolution: 'About a third of attendees use respite care' },
    },
    {
      key: 'funding',
      theme: 'funding',
      taxonomy: 'co_destruction_causes',
      code: 'inability_to_change',
      stage: 'during',
      level: 'provider',
      inabilityKind: 'impossibility',
      description: 'The provider cannot fund extra home-care hours for carers who want to take part',
      from: at(0.15),
      actions: [{ at: at(0.2), by: cast.university, description: 'Asked the municipality to fund extra hours' }],
      resolved: null,
    },
    {
      key: 'mobility',
      theme: 'mobility',
      taxonomy: 'involvement_shortcomings',
      code: 'antecedent_system_mobility_issues',
      stage: 'before',
      level: 'system',
      inabilityKind: null,
      description: 'Carers from the upper villages cannot reach sessions on the valley floor',
      from: addDays(timeline.pilotStart, 7),
      actions: [
        {
          at: milestones.venuesAlternate,
          by: cast.agency,
          description: 'Sessions alternate between the valley floor and the upper valley',
        },
      ],
      resolved: { at: at(0.2), resolution: 'Upper-valley carers attend the sessions held there' },
    },
    {
      key: 'language',
      theme: 'language',
      taxonomy: 'involvement_shortcomings',
      code: 'process_team_technical_language',
      stage: 'during',
      level: 'team',
      inabilityKind: null,
      description: 'Trainers use clinical words; carers do not ask',
      from: addDays(timeline.pilotStart, 20),
      actions: [
        {
          at: addDays(timeline.pilotStart, 35),
          by: cast.agency,
          description: 'Trainers rehearse with a committee carer; a glossary handout',
        },
      ],
      resolved: { at: at(0.3), resolution: 'After-course quiz scores rose; carers ask questions' },
    },
    {
      key: 'engagement',
      theme: 'engagement',
      taxonomy: 'pilot_barriers',
      code: 'lack_of_effective_engagement',
      stage: 'during',
      level: 'team',
      inabilityKind: null,
      description: 'Sessions cancelled by the team without asking the carers',
      from: addDays(milestones.midWorkshop, 1),
      actions: [
        {
          at: milestones.decisionsRevised,
          by: cast.agency,
          description: 'Cancellations agreed with the committee beforehand',
        },
      ],
      resolved: {
        at: addDays(milestones.decisionsRevised, 90),
        resolution: 'No session has been cancelled without the carers since',
      },
    },
  ];
  for (const shape of shapes) {
    const basedOn = observations.filter((o) => o.theme === shape.theme);
    const first = basedOn.reduce<Date | null>((min, o) => (min === null || o.codedAt < min ? o.codedAt : min), null);
    // A barrier is named from evidence: never before the first observation that shows it.
    const observedAt = atTime(latest(shape.from, first ? addDays(first, 1) : shape.from), 16);
    const refs = basedOn
      .filter((o) => o.codedAt.getTime() < observedAt.getTime())
      .slice(0, 100)
      .map(({ evidenceId, observationId }) => ({ evidenceId, observationId }));
    const barrierId = world.ids.uuid(`barrier:${shape.key}`);
    const researcher = cast.universityResearchers[0]!.actor;
    plan.add(
      barrierAggregate,
      observedAt,
      researcher,
      `barrier:${shape.key}`,
      checkingProject(projectId, {
        type: 'ObserveBarrier',
        data: {
          barrierId,
          projectId,
          taxonomy: shape.taxonomy,
          code: shape.code,
          stage: shape.stage,
          level: shape.level,
          inabilityKind: shape.inabilityKind,
          description: shape.description,
          basedOn: refs,
        },
      }),
    );
    // Facts of a barrier only move forward in time: each is placed after the one before.
    let last = observedAt;
    const after = (date: Date) => (last = latest(date, addHours(last, 1)));
    shape.actions.forEach((action, index) =>
      plan.add(barrierAggregate, after(action.at), researcher, `barrier:${shape.key}:action:${index + 1}`, {
        type: 'TakeAdjustmentAction',
        data: {
          barrierId,
          actionId: `action-${index + 1}`,
          description: action.description,
          takenByOrganisationId: action.by.id,
        },
      }),
    );
    if (!shape.resolved) continue;
    plan.add(barrierAggregate, after(shape.resolved.at), researcher, `barrier:${shape.key}:resolve`, {
      type: 'ResolveBarrier',
      data: { barrierId, resolution: shape.resolved.resolution },
    });
    if (shape.key === 'mobility') planWinterRelapse(world, barrierId, last);
  }
}

/** Snow closes the upper road: the mobility barrier reopens, car-sharing follows, it is resolved again. */
function planWinterRelapse(world: PilotWorld, barrierId: string, resolvedAt: Date): void {
  const { plan, cast, timeline } = world;
  let day = addDays(resolvedAt, 1);
  while (!isWinter(day) && day.getTime() < timeline.pilotEnd.getTime()) day = addDays(day, 7);
  const resolvedAgain = addDays(day, 60);
  if (!isWinter(day) || resolvedAgain.getTime() > timeline.pilotEnd.getTime()) return;
  const researcher = cast.universityResearchers[0]!.actor;
  const reopenAt = atTime(day, 16);
  plan.add(barrierAggregate, reopenAt, researcher, 'barrier:mobility:reopen', {
    type: 'ReopenBarrier',
    data: { barrierId, reason: 'Snow closed the road to the upper villages; their carers stopped coming' },
  });
  plan.add(barrierAggregate, addDays(reopenAt, 10), researcher, 'barrier:mobility:action:2', {
    type: 'TakeAdjustmentAction',
    data: {
      barrierId,
      actionId: 'action-2',
      description: 'The committee organises car-sharing among carers',
      takenByOrganisationId: cast.agency.id,
    },
  });
  plan.add(barrierAggregate, atTime(resolvedAgain, 16), researcher, 'barrier:mobility:resolve-again', {
    type: 'ResolveBarrier',
    data: { barrierId, resolution: 'Car-sharing brings the upper-valley carers back' },
  });
}
