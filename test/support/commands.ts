import { ADMIN } from './auth.js';
import type { RunningApi } from './api-process.js';
import { inputTypeOf } from './operations.js';

/** The fields of what every mutation returns (MutationResult), as the command tests select them. */
export const WRITTEN_FIELDS = '{ id streamId revision position eventIds replayed }';

/** What a mutation wrote: its ids, the stream's revision and the consistency token (position). */
export interface Written {
  id: string;
  streamId: string;
  revision: number;
  position: string;
  eventIds: string[];
  replayed: boolean;
}

/**
 * The event store's last position and stream count, read as an admin: a refused command leaves
 * both as they were, which is how the tests check that it wrote nothing.
 */
export async function eventStoreStatus(api: RunningApi): Promise<{ lastPosition: string | null; streamCount: number }> {
  const response = await api.graphql<{ eventStore: { lastPosition: string | null; streamCount: number } }>(
    '{ eventStore { lastPosition streamCount } }',
    undefined,
    ADMIN,
  );
  return response.data!.eventStore;
}

/** `mutation <name>(input: $input)` selecting what it wrote; its input type is read from the schema. */
export const writingMutation = (name: string) =>
  `mutation Write($input: ${inputTypeOf(name)}!) { ${name}(input: $input) ${WRITTEN_FIELDS} }`;

/**
 * Waits until every projection of the API runs with nothing left to process: what a test reads
 * next through any read model includes every event written so far.
 */
export async function projectionsCaughtUp(
  api: RunningApi,
  headers: Record<string, string> = ADMIN,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await api.graphql<{ projections: Array<{ state: string; lagEvents: number | null }> }>(
      '{ projections { state lagEvents } }',
      undefined,
      headers,
    );
    const projections = status.data?.projections ?? [];
    if (projections.length > 0 && projections.every((p) => p.state === 'running' && p.lagEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
