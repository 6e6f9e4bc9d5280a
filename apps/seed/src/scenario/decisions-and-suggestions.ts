import { decisionAggregate, suggestionAggregate, type SuggestionTopic } from '#domain';
import type { Actor } from '#event-store';
import { addDays, addHours, addMinutes } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import { availableOn, type PilotWorld, type PlannedCarer } from '../world.js';
import type { PlannedCancellation } from './activities.js';

/**
 * Decisions that affect carers, and what carers suggest. Sessions the agency cancelled without
 * asking are recorded as decisions taken without consulting the carers; the carers contest them at
 * the mid-pilot co-assessment workshop, and the agency revises them with the committee. Carers
 * suggest respite care during sessions (adopted and implemented), evening sessions (adopted) and
 * a local TV spot (declined: not feasible within the budget).
 */
export function planDecisionsAndSuggestions(
  world: PilotWorld,
  carers: readonly PlannedCarer[],
  cancellations: readonly PlannedCancellation[],
  midWorkshopAttendees: readonly PlannedCarer[],
): void {
  const rng = world.rng.fork('decisions');
  planContestedCancellations(world, cancellations, midWorkshopAttendees, rng.fork('cancellations'));
  planSuggestions(world, carers, rng.fork('suggestions'));
  planExtensionDecision(world);
}

function take(
  world: PilotWorld,
  key: string,
  at: Date,
  actor: Actor,
  decision: {
    description: string;
    decidedByRole: 'provider' | 'researcher' | 'committee' | 'carers' | 'partnership';
    decidedByOrganisationId: string | null;
    carersConsulted: boolean;
    activityIds: string[];
  },
): string {
  const decisionId = world.ids.uuid(`decision:${key}`);
  world.plan.add(
    decisionAggregate,
    at,
    actor,
    `decision:${key}`,
    checkingProject(world.projectId, {
      type: 'TakeDecision',
      data: { decisionId, projectId: world.projectId, affectsCarers: true, ...decision },
    }),
  );
  return decisionId;
}

function planContestedCancellations(
  world: PilotWorld,
  cancellations: readonly PlannedCancellation[],
  attendees: readonly PlannedCarer[],
  r: Random,
): void {
  const { cast, timeline } = world;
  const agency = cast.agencyCoordinator.actor;
  const workshopEnd = addHours(timeline.milestones.midWorkshop, 3);
  cancellations
    .filter((c) => !c.carersConsulted)
    .forEach((cancellation, index) => {
      const key = `cancel:${cancellation.session.key}`;
      const decisionId = take(world, key, addMinutes(cancellation.cancelledAt, 5), agency, {
        description: `Cancel the ${cancellation.session.topic.toLowerCase()} session: turnout expected to be low`,
        decidedByRole: 'provider',
        decidedByOrganisationId: cast.agency.id,
        carersConsulted: false,
        activityIds: [cancellation.session.activityId],
      });
      // Recorded by the researcher running the workshop; a carer who was there speaks first.
      const speaker = attendees.length > 0 ? r.pick(attendees) : null;
      world.plan.add(
        decisionAggregate,
        addMinutes(workshopEnd, index),
        cast.universityCoordinator.actor,
        `${key}:contest`,
        {
          type: 'ContestDecision',
          data: {
            decisionId,
            contestedByRole: 'carer',
            contestedByCarerId: speaker?.id ?? null,
            grounds:
              'Nobody asked us; some of us had already arranged for someone to stay with the person we care for.',
          },
        },
      );
      world.plan.add(
        decisionAggregate,
        addMinutes(timeline.milestones.decisionsRevised, index),
        agency,
        `${key}:revise`,
        {
          type: 'ReviseDecision',
          data: {
            decisionId,
            description: `Cancellation of the ${cancellation.session.topic.toLowerCase()} session reviewed with the committee; from now on sessions are called off only with the carers' agreement`,
            carersConsulted: true,
            // The rule is now the committee's and the carers' together: co-decided.
            carerInvolvement: 'co_decided',
            reason: 'Contested by carers at the co-assessment workshop',
          },
        },
      );
    });
}

function planSuggestions(world: PilotWorld, carers: readonly PlannedCarer[], r: Random): void {
  const { cast, timeline, projectId } = world;
  const { milestones } = timeline;
  const agency = cast.agencyCoordinator.actor;
  const lead = cast.universityCoordinator.actor;
  const byCarer = (at: Date, prefer: (c: PlannedCarer) => number) => {
    const pool = carers.filter((c) => availableOn(c, at));
    return r.weightedSample(pool, prefer, 1)[0] ?? null;
  };
  const suggest = (key: string, at: Date, topic: SuggestionTopic, description: string, carer: PlannedCarer | null) => {
    const suggestionId = world.ids.uuid(`suggestion:${key}`);
    world.plan.add(
      suggestionAggregate,
      at,
      agency,
      `suggestion:${key}`,
      checkingProject(projectId, {
        type: 'MakeSuggestion',
        data: {
          suggestionId,
          projectId,
          // The committee speaks for the carers when no single carer is there to make it.
          suggestedByRole: carer ? 'carer' : 'committee',
          carerId: carer?.id ?? null,
          organisationId: null,
          description,
          topic,
        },
      }),
    );
    return suggestionId;
  };

  const respite = suggest(
    'respite',
    milestones.respiteSuggested,
    'respite_care',
    'Someone to stay with the person we care for while we are at the sessions',
    byCarer(milestones.respiteSuggested, (c) => (c.weeklyCareHours ?? 30) / 10),
  );
  const respiteDecision = take(world, 'respite', addHours(milestones.respiteAdopted, -1), lead, {
    description: 'Care facility staff look after patients in the day centre during every session',
    decidedByRole: 'partnership',
    decidedByOrganisationId: null,
    carersConsulted: true,
    activityIds: [],
  });
  world.plan.add(suggestionAggregate, milestones.respiteAdopted, lead, 'suggestion:respite:adopt', {
    type: 'AdoptSuggestion',
    data: {
      suggestionId: respite,
      note: 'Agreed with the care facilities; no extra cost to families',
      decisionId: respiteDecision,
    },
  });
  world.plan.add(suggestionAggregate, milestones.respiteFrom, agency, 'suggestion:respite:implement', {
    type: 'ImplementSuggestion',
    data: { suggestionId: respite, note: 'Offered at every session from this month' },
  });

  const evening = suggest(
    'evening',
    milestones.eveningSuggested,
    'scheduling',
    'Hold sessions in the early evening, so carers who work can come',
    byCarer(milestones.eveningSuggested, (c) => (c.ageBand === 'aged_40_54' || c.ageBand === 'under_40' ? 4 : 1)),
  );
  const eveningDecision = take(world, 'evening', addHours(milestones.eveningAdopted, -1), lead, {
    description: 'Training courses and peer meetings move to 18:00',
    decidedByRole: 'committee',
    decidedByOrganisationId: null,
    carersConsulted: true,
    activityIds: [],
  });
  world.plan.add(suggestionAggregate, milestones.eveningAdopted, lead, 'suggestion:evening:adopt', {
    type: 'AdoptSuggestion',
    data: { suggestionId: evening, note: 'Adopted by the committee', decisionId: eveningDecision },
  });
  // Sessions do move to the evening (activities.ts), so the adoption is followed through.
  world.plan.add(suggestionAggregate, milestones.eveningFrom, agency, 'suggestion:evening:implement', {
    type: 'ImplementSuggestion',
    data: { suggestionId: evening, note: 'Courses and peer meetings start at 18:00' },
  });

  const tv = suggest(
    'local-tv',
    milestones.localTvSuggested,
    'information',
    'A spot on the local TV channel to reach carers who are not online',
    byCarer(milestones.localTvSuggested, (c) => c.engagement),
  );
  world.plan.add(suggestionAggregate, milestones.localTvDeclined, lead, 'suggestion:local-tv:decline', {
    type: 'DeclineSuggestion',
    data: {
      suggestionId: tv,
      reason: 'not_feasible_budget',
      note: 'A TV spot costs more than the whole information budget of the pilot',
    },
  });

  // The agency's own idea: a reminder call the day before each session.
  const reminders = world.ids.uuid('suggestion:reminders');
  world.plan.add(
    suggestionAggregate,
    timeline.at(0.04),
    agency,
    'suggestion:reminders',
    checkingProject(projectId, {
      type: 'MakeSuggestion',
      data: {
        suggestionId: reminders,
        projectId,
        suggestedByRole: 'provider',
        carerId: null,
        organisationId: cast.agency.id,
        description: 'Call every registered carer the day before a session',
        topic: 'scheduling',
      },
    }),
  );
  world.plan.add(suggestionAggregate, timeline.at(0.06), lead, 'suggestion:reminders:adopt', {
    type: 'AdoptSuggestion',
    data: { suggestionId: reminders, note: 'Adopted at the coordination meeting', decisionId: null },
  });
  world.plan.add(suggestionAggregate, timeline.at(0.08), agency, 'suggestion:reminders:implement', {
    type: 'ImplementSuggestion',
    data: { suggestionId: reminders, note: null },
  });
}

function planExtensionDecision(world: PilotWorld): void {
  const { cast, timeline } = world;
  take(world, 'extension', addDays(timeline.milestones.extensionDecided, -1), cast.universityCoordinator.actor, {
    description: 'Extend the pilot by two months, as the committee asked',
    decidedByRole: 'partnership',
    decidedByOrganisationId: null,
    carersConsulted: true,
    activityIds: [],
  });
}
