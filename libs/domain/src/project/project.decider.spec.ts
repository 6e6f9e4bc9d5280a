import { describe, it } from '@jest/globals';
import { scenario } from '../shared/given-when-then.js';
import type { LaunchProject } from './project.commands.js';
import type { ProjectLaunched } from './project.events.js';
import { projectDecider } from './project.decider.js';

const projectId = 'p-1';
const targets = {
  reachShare: 1 / 3,
  trainingCoursesPerMonth: 1,
  peerMeetingsPerMonth: 1,
  committeeEveryMonths: 4,
  satisfactionThreshold: 0.75,
  understandingThreshold: 0.75,
};
const launch: LaunchProject['data'] = {
  projectId,
  programmeId: null,
  territoryId: 't-valley',
  name: 'Carers of the valley',
  eligibleCarers: 320,
  pilotMonths: 18,
  startsOn: '2025-01-01',
  targets,
};
const launched: ProjectLaunched = { type: 'ProjectLaunched', data: launch };
const project = scenario(projectDecider);

describe('Project', () => {
  it('launches in co-design with its eligible population and targets', () => {
    project.given().when({ type: 'LaunchProject', data: launch }).then(launched);
  });

  it('refuses to launch twice', () => {
    project
      .given(launched)
      .when({ type: 'LaunchProject', data: launch })
      .thenFails('PROJECT_ALREADY_LAUNCHED', 'conflict');
  });

  it.each([
    ['no eligible carers', { ...launch, eligibleCarers: 0 }, 'OUT_OF_RANGE'],
    ['a reach share above 1', { ...launch, targets: { ...targets, reachShare: 1.5 } }, 'OUT_OF_RANGE'],
    ['an empty name', { ...launch, name: '  ' }, 'REQUIRED'],
    ['an invalid start date', { ...launch, startsOn: 'soon' }, 'INVALID_DATE'],
  ])('refuses a launch with %s', (_title, data, reason) => {
    project.given().when({ type: 'LaunchProject', data }).thenFails(reason, 'invalid');
  });

  it('moves forward through its phases, never back', () => {
    project
      .given(launched)
      .when({ type: 'StartProjectPhase', data: { projectId, phase: 'pilot' } })
      .then({ type: 'ProjectPhaseStarted', data: { projectId, phase: 'pilot' } });
    project
      .given(launched, { type: 'ProjectPhaseStarted', data: { projectId, phase: 'co_assessment' } })
      .when({ type: 'StartProjectPhase', data: { projectId, phase: 'pilot' } })
      .thenFails('PHASE_NOT_FORWARD', 'conflict');
  });

  it('extends the pilot with a reason and adds up the months', () => {
    project
      .given(launched, {
        type: 'PilotExtended',
        data: { projectId, additionalMonths: 2, pilotMonths: 20, reason: 'late start' },
      })
      .when({ type: 'ExtendPilot', data: { projectId, additionalMonths: 4, reason: 'carers asked for more courses' } })
      .then({
        type: 'PilotExtended',
        data: { projectId, additionalMonths: 4, pilotMonths: 24, reason: 'carers asked for more courses' },
      });
  });

  it('refuses to extend a pilot that is over', () => {
    project
      .given(launched, { type: 'ProjectPhaseStarted', data: { projectId, phase: 'co_assessment' } })
      .when({ type: 'ExtendPilot', data: { projectId, additionalMonths: 1, reason: 'more time' } })
      .thenFails('PILOT_OVER', 'conflict');
  });

  it('refuses commands on a project that was never launched', () => {
    project
      .given()
      .when({ type: 'ExtendPilot', data: { projectId, additionalMonths: 1, reason: 'x' } })
      .thenFails('PROJECT_NOT_FOUND', 'not_found');
  });
});
