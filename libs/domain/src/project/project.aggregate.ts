import type { AggregateDefinition } from '../shared/aggregate.js';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider, projectStreamId, type ProjectState } from './project.decider.js';
import type { ProjectEvent } from './project.events.js';

export const projectAggregate: AggregateDefinition<ProjectCommand, ProjectEvent, ProjectState> = {
  name: 'Project',
  decider: projectDecider,
  commandTypes: ['LaunchProject', 'StartProjectPhase', 'ExtendPilot', 'ReviseProjectTargets'],
  streamId: (command) => projectStreamId(command.data.projectId),
};
