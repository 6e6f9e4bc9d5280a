import {
  AccessDeniedError,
  BACKWARDS,
  END,
  FORWARDS,
  START,
  STREAMS_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  type KurrentDBClient,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { isSystemName, isVisible, toClientFilter, toRecordedEvent, toStoreError } from './mapping.js';

/**
 * KurrentDB keeps no count of streams, so one is assembled from what exists:
 *
 * 1. The `$streams` system projection (when it runs) links to event 0 of every stream it has
 *    processed, system streams included, and it trails the log. We read its links up to the
 *    last one and keep the non-system names: O(number of streams) small link records.
 * 2. Streams created after the event that last link points to are not linked yet; they are
 *    collected by reading $all from there: O(events written since the projection's position).
 * 3. Without the projection (disabled by default, or not readable), every non-system event of
 *    $all is read to collect the stream names: O(all events) transferred, O(streams) memory.
 *    Fine for tests and modest stores; a large deployment should run the projection.
 *
 * Names are kept in a set, so a link written twice (a reset projection) counts once. Deleted
 * streams still count: the port has no deletion, so none are expected.
 */
export async function countStreams(client: KurrentDBClient): Promise<number> {
  try {
    const names = new Set<string>();
    const tailStart = await readStreamsProjection(client, names);
    await collectStreamNames(client, tailStart ?? START, names);
    return names.size;
  } catch (error) {
    throw toStoreError(error);
  }
}

/** Fills `names` from `$streams`; returns where $all must be read from, or null to read it all. */
async function readStreamsProjection(client: KurrentDBClient, names: Set<string>): Promise<ReadPosition | null> {
  try {
    // The last link first, resolved to its target's $all position: links are appended in $all
    // order, so every stream created after that position has a later link, not read below.
    let lastRevision: bigint | undefined;
    let tailStart: ReadPosition | undefined;
    for await (const resolved of client.readStream(STREAMS_STREAM, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
      resolveLinkTos: true,
    })) {
      lastRevision = resolved.link?.revision;
      tailStart = resolved.event?.position;
    }
    // No link yet, or a target without a position (old server, scavenged event): scan $all.
    if (lastRevision === undefined || tailStart === undefined) return null;
    for await (const resolved of client.readStream(STREAMS_STREAM, {
      direction: FORWARDS,
      fromRevision: START,
      maxCount: lastRevision + 1n,
    })) {
      const name = linkedStreamName(resolved.event?.data);
      if (name !== null && !isSystemName(name)) names.add(name);
    }
    return tailStart;
  } catch (error) {
    if (
      error instanceof StreamNotFoundError ||
      error instanceof StreamDeletedError ||
      error instanceof AccessDeniedError
    ) {
      names.clear();
      return null;
    }
    throw error;
  }
}

/** Adds the stream of every visible $all event from `from` (inclusive) onwards. */
async function collectStreamNames(client: KurrentDBClient, from: ReadPosition, names: Set<string>): Promise<void> {
  for await (const resolved of client.readAll({
    direction: FORWARDS,
    fromPosition: from,
    filter: toClientFilter(undefined),
  })) {
    const event = toRecordedEvent(resolved);
    if (event && isVisible(event)) names.add(event.streamId);
  }
}

/** A link's body is `<revision>@<stream id>`; stream ids may themselves contain '@'. */
export function linkedStreamName(data: unknown): string | null {
  const text = data instanceof Uint8Array ? Buffer.from(data).toString('utf8') : typeof data === 'string' ? data : null;
  if (text === null) return null;
  const at = text.indexOf('@');
  if (at <= 0 || !/^\d+$/.test(text.slice(0, at))) return null;
  return text.slice(at + 1);
}
