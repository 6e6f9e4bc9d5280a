import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** Namespace for ids derived from a client's command id, so a retry derives the same ids. */
const COMMAND_NAMESPACE = '6f1c1f55-2a4b-4d0e-9a43-3c8f5a0e7b21';

/** Derives a stable id from a client's command id (e.g. the id of the project a launch creates). */
export function idFromCommand(commandId: string | null | undefined, purpose: string): string {
  return commandId ? uuidv5(`${commandId}:${purpose}`, COMMAND_NAMESPACE) : randomUUID();
}
