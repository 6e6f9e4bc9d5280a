import { addDays } from '../calendar.js';
import { Plan } from '../plan.js';
import { Ids, Random } from '../random.js';
import { DEFAULT_SEED } from '../options.js';
import { DEFAULT_START, planTimeline } from '../timeline.js';
import type { DemoPilot, ScenarioPlan } from '../demo-directory.js';
import type { Instruments, PilotWorld, SharedOrganisations } from '../world.js';
import { planActivities } from './activities.js';
import { planBarriers } from './barriers.js';
import { planCarers } from './carers.js';
import { planChannels } from './channels.js';
import { planCommittee } from './committee.js';
import { planCoordination } from './coordination.js';
import { planDecisionsAndSuggestions } from './decisions-and-suggestions.js';
import { planEvidence } from './evidence.js';
import { planLateRecords } from './late-records.js';
import {
  localCast,
  organisationSuffix,
  planLocalOrganisations,
  planSharedSetup,
  sharedOrganisations,
} from './organisations.js';
import { planPartnership } from './partnership.js';
import { planProject } from './project.js';
import { planWorkshops } from './workshops.js';
import { variantOf } from './variants.js';

export interface SeedScenario {
  readonly seed: number;
  readonly projects: number;
  readonly months: number;
}

/**
 * Plans every command of a run: the shared organisations and instruments once, then each project
 * with its own seed (the run's seed and the project's index), its own local partners and a start
 * up to eight weeks after the first. Parts are planned in dependency order (who joined before who
 * attends, what was cancelled before what was contested); the scheduler orders them in time.
 */
export function planScenario(scenario: SeedScenario): ScenarioPlan {
  const root = Random.seeded(scenario.seed);
  const runIds = new Ids(`seed:${scenario.seed}`);
  const shared: SharedOrganisations = sharedOrganisations(
    organisationSuffix(scenario.seed, DEFAULT_SEED, null),
    root.fork('run'),
  );
  const programme =
    scenario.projects > 1 ? { id: runIds.uuid('programme'), name: "Family carers' co-production programme" } : null;
  const sharedPlan = new Plan(0, 'run', runIds);
  const instruments = planSharedSetup(sharedPlan, runIds, shared, DEFAULT_START, programme);
  const plans = [sharedPlan];
  const pilots: DemoPilot[] = [];
  for (let index = 0; index < scenario.projects; index++) {
    const pilot = planPilot(scenario, index, shared, instruments, programme?.id ?? null);
    plans.push(pilot.plan);
    pilots.push(pilot.directory);
  }
  const frameworks = new Map(
    Array.from({ length: scenario.projects }, (_, index) => variantOf(index).framework)
      .filter((framework) => framework !== null)
      .map((framework) => [`${framework.id}@${framework.version}`, framework]),
  );
  return {
    plans,
    directory: { programme, university: shared.university, admin: shared.admin.id, pilots },
    frameworks: [...frameworks.values()],
  };
}

function planPilot(
  scenario: SeedScenario,
  index: number,
  shared: SharedOrganisations,
  instruments: Instruments,
  programmeId: string | null,
): { plan: Plan; directory: DemoPilot } {
  const seed = `seed:${scenario.seed}/project:${index}`;
  const rng = Random.seeded(scenario.seed).fork(`project:${index}`);
  const ids = new Ids(seed);
  const where = variantOf(index);
  const start = addDays(DEFAULT_START, index === 0 ? 0 : 7 * rng.fork('start').int(0, 8));
  const world: PilotWorld = {
    index,
    seed,
    rng,
    ids,
    plan: new Plan(index + 1, `project-${index + 1}`, ids),
    projectId: ids.uuid('project'),
    territoryId: where.territoryId,
    projectName: `${where.name} family carers pilot`,
    variant: where,
    programmeId,
    timeline: planTimeline(start, where.months ?? scenario.months, rng.fork('timeline')),
    cast: localCast(
      shared,
      organisationSuffix(scenario.seed, DEFAULT_SEED, index === 0 ? null : where.territoryId),
      rng.fork('cast'),
      where.name,
    ),
    instruments,
  };
  planLocalOrganisations(world);
  planProject(world);
  planPartnership(world);
  planCoordination(world);
  planChannels(world);
  const carers = planCarers(world);
  const cancellations = planActivities(world, carers);
  planCommittee(world, carers);
  const workshops = planWorkshops(world, carers);
  const observations = [...workshops.observations, ...planEvidence(world, carers)];
  planDecisionsAndSuggestions(world, carers, cancellations, workshops.midWorkshopAttendees);
  planBarriers(world, observations);
  planLateRecords(world);
  const carer = carers.find((c) => c.joinedAt !== null && c.withdrawnAt === null && c.droppedOffAt === null);
  return {
    plan: world.plan,
    directory: {
      projectId: world.projectId,
      projectName: world.projectName,
      territoryId: world.territoryId,
      agency: world.cast.agency,
      facilities: [world.cast.facilityA, world.cast.facilityB],
      coordinator: world.cast.agencyCoordinator.id,
      researcher: world.cast.universityResearchers[0]!.id,
      carer: carer?.id ?? null,
    },
  };
}
