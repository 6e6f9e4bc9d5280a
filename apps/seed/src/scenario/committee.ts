import { committeeAggregate, type CommitteeGoalOutcome } from '#domain';
import { addDays, addHours, addMinutes, atTime, nextWeekday } from '../calendar.js';
import { checkingProject } from '../plan.js';
import type { Random } from '../random.js';
import { COMMITTEE_GOALS, VENUES } from '../texts.js';
import { availableOn, type Member, type PilotWorld, type PlannedCarer } from '../world.js';
import { chooseAttendees } from './attendance.js';
import { planHeld, planScheduled, scheduledAhead, type Session } from './sessions.js';

/**
 * The citizens' committee meets every four months of the pilot, on a Saturday morning. At its
 * first meeting it sets itself the six goals of DOMAIN.md; late in the pilot it starts running
 * its own meetings; in co-assessment each goal is judged, with mixed results.
 */
export interface CommitteeOutcome {
  readonly meetings: readonly { readonly heldAt: Date; readonly attendees: readonly PlannedCarer[] }[];
}

/** Per goal, the judgements a seed may reach: mostly reached, some partial, the channel never took off. */
const OUTCOMES: Record<string, readonly CommitteeGoalOutcome[]> = {
  spokesperson: ['reached'],
  'carer-provider-contact': ['reached', 'partially_reached'],
  'own-structure': ['partially_reached'],
  'elect-representatives': ['reached'],
  'organise-activities': ['partially_reached', 'reached'],
  'communication-channel': ['unfulfilled'],
};

export function planCommittee(world: PilotWorld, carers: PlannedCarer[]): CommitteeOutcome {
  const rng = world.rng.fork('committee');
  const { timeline, cast, plan, projectId } = world;
  const secretary = cast.universityCoordinator.actor;
  const members: PlannedCarer[] = [];
  const meetings: { heldAt: Date; attendees: PlannedCarer[] }[] = [];
  let selfOrganising = false;

  for (let month = 1, n = 1; month <= timeline.pilotMonths; month += 4, n++) {
    const r = rng.fork(`meeting:${n}`);
    const day = atTime(nextWeekday(addDays(timeline.pilotMonth(month), 3), 6), 9, 30);
    const session: Session = {
      key: `committee:${n}`,
      activityId: world.ids.uuid(`activity:committee:${n}`),
      kind: 'committee_meeting',
      topic: n === 1 ? "Citizens' committee: first meeting and goals" : `Citizens' committee: meeting ${n}`,
      place: VENUES.floor,
      scheduledFor: day,
      scheduledAt: scheduledAhead(day, r, world.timeline.launch),
      organisingOrganisationId: cast.university.id,
      facilitator: cast.universityResearchers[0]!,
      scheduler: cast.universityCoordinator,
      recorder: cast.universityCoordinator,
    };
    planScheduled(world, session);
    // The committee's carers: the most engaged at the start, replaced as some leave.
    const stillThere = members.filter((c) => availableOn(c, day));
    const newcomers = rng.fork(`members:${n}`).weightedSample(
      carers.filter((c) => availableOn(c, day) && !members.includes(c)),
      (c) => c.engagement * c.engagement,
      Math.max(0, 6 - stillThere.length),
    );
    members.push(...newcomers);
    const core = [...stillThere, ...newcomers].filter(() => r.chance(0.85));
    const guests = chooseAttendees(
      carers,
      day,
      r.int(0, 2),
      (c) => c.engagement,
      r,
      (c) => !core.includes(c),
    );
    for (const carer of core) carer.attended.push(day);
    const attendees = [...core, ...guests].sort((a, b) => a.number - b.number);
    const held = planHeld(world, session, day, r.int(100, 150), attendees, representatives(world, r), false);
    meetings.push({ heldAt: held.start, attendees });

    if (n === 1) {
      COMMITTEE_GOALS.forEach((goal, index) =>
        plan.add(
          committeeAggregate,
          addMinutes(held.end, index),
          secretary,
          `committee:goal:${goal.goalId}`,
          checkingProject(projectId, {
            type: 'DefineCommitteeGoal',
            data: { projectId, goalId: goal.goalId, description: goal.description },
          }),
        ),
      );
    }
    if (!selfOrganising && n > 1 && day.getTime() >= timeline.milestones.selfOrganisingFrom.getTime()) {
      selfOrganising = true;
      plan.add(committeeAggregate, addMinutes(held.end, 10), secretary, 'committee:self-organising', {
        type: 'RecordCommitteeSelfOrganising',
        data: {
          projectId,
          note: 'Carers set the agenda and chaired the meeting; the research team only took notes.',
        },
      });
    }
  }
  planAssessment(world, rng.fork('assessment'));
  return { meetings };
}

function representatives(world: PilotWorld, r: Random): Member[] {
  const { cast } = world;
  const present: Member[] = [cast.universityCoordinator, cast.universityResearchers[0]!, cast.agencyCoordinator];
  if (r.chance(0.7)) present.push(r.pick(cast.instituteResearchers));
  if (r.chance(0.5)) present.push(cast.facilityCoordinators[0]);
  if (r.chance(0.4)) present.push(cast.facilityCoordinators[1]);
  return present;
}

/** Judged at the final co-assessment workshop; one judgement is revised weeks later. */
function planAssessment(world: PilotWorld, r: Random): void {
  const { plan, projectId, cast, timeline } = world;
  const at = addHours(timeline.milestones.finalWorkshop, 4);
  COMMITTEE_GOALS.forEach((goal, index) => {
    const outcome = r.pick(OUTCOMES[goal.goalId]!);
    plan.add(
      committeeAggregate,
      addMinutes(at, index),
      cast.universityCoordinator.actor,
      `committee:assess:${goal.goalId}`,
      {
        type: 'AssessCommitteeGoal',
        data: {
          projectId,
          goalId: goal.goalId,
          outcome,
          note:
            outcome === 'unfulfilled' ? 'Carers preferred to phone each other; no shared channel was opened.' : null,
        },
      },
    );
  });
  plan.add(
    committeeAggregate,
    addDays(at, 21),
    cast.universityCoordinator.actor,
    'committee:reassess:communication-channel',
    {
      type: 'ReassessCommitteeGoal',
      data: {
        projectId,
        goalId: 'communication-channel',
        outcome: 'partially_reached',
        note: 'Two carers now run a messaging group for committee members.',
        reason: 'The group started after the final workshop and is used every week.',
      },
    },
  );
}
