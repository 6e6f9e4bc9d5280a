import { organisationAggregate, organisationStreamId } from '#domain';
import type { CommandExecutor } from './command-executor.js';
import { commandSideError } from './command-side.reasons.js';

/** Commands that bring an organisation into a project refuse one that was never registered. */
export async function requireOrganisation(executor: CommandExecutor, organisationId: string): Promise<void> {
  const organisation = await executor.loadState(organisationAggregate, organisationStreamId(organisationId));
  if (organisation.status === 'unknown') {
    throw commandSideError('ORGANISATION_NOT_FOUND', `Organisation ${organisationId} is not registered`);
  }
}
