import { projectAggregate, projectStreamId } from '#domain';
import type { CommandExecutor } from './command-executor.js';
import { commandSideError } from './command-side.reasons.js';

/** Commands that attach something to a project refuse a project that was never launched. */
export async function requireProject(executor: CommandExecutor, projectId: string): Promise<void> {
  const project = await executor.loadState(projectAggregate, projectStreamId(projectId));
  if (project.status === 'unknown')
    throw commandSideError('PROJECT_NOT_FOUND', `Project ${projectId} does not exist`, { projectId });
}
