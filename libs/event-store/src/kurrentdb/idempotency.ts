import type { NewEvent, RecordedEvent } from '../events.js';

/**
 * What a stream already holds of an append's event ids.
 *
 * Why this exists: the port promises that an append whose ids are already in the stream returns
 * the original result, and that ids reused for other events are refused. KurrentDB only
 * recognises a retry on its own terms:
 * - with an exact expected revision (or `no_stream`) it compares the ids with the events after
 *   that revision and answers success with no position; with a stale revision it answers "wrong
 *   expected version". Both are reliable; the adapter then looks the ids up in the stream.
 * - with `any` / `exists` it looks the ids up in a bounded in-memory cache of recent writes,
 *   lost on restart. A hit is answered as success even when the ids are reordered or only some
 *   of them (its revisions are then wrong); a miss writes the events a second time.
 * So for `any` / `exists` the adapter looks for the ids in the stream's tail before appending,
 * and confirms every answer that points at events already stored by reading them back.
 *
 * What cannot be matched: KurrentDB does not make event ids unique across streams, so an id
 * already used in another stream is accepted (the SQL stores refuse it), and a retry with `any`
 * / `exists` whose events lie deeper than the tail that is read (and are no longer in the
 * server's cache) is written again. See docs/event-store.md.
 */
export type PriorAppend =
  | { readonly kind: 'none' }
  /** Every id is stored, in order and contiguous: the append already happened. */
  | { readonly kind: 'retry'; readonly first: RecordedEvent; readonly last: RecordedEvent }
  /** Some ids are stored, but not as this append: the caller reused ids for other events. */
  | { readonly kind: 'conflict' };

export function findPriorAppend(stored: readonly RecordedEvent[], events: readonly NewEvent[]): PriorAppend {
  const wanted = new Map(events.map((event, index) => [event.id.toLowerCase(), index]));
  const found = stored.filter((event) => wanted.has(event.id.toLowerCase()));
  if (found.length === 0) return { kind: 'none' };
  const inOrder = found.every((event, index) => wanted.get(event.id.toLowerCase()) === index);
  const contiguous = found.every((event, index) => event.revision === found[0]!.revision + BigInt(index));
  if (found.length === events.length && inOrder && contiguous) {
    return { kind: 'retry', first: found[0]!, last: found[found.length - 1]! };
  }
  return { kind: 'conflict' };
}

/** The revisions an append answer gives the events: first and last. */
export interface ClaimedRevisions {
  readonly first: bigint;
  readonly last: bigint;
}

/** True when `stored`, read from `claim.first` on, holds exactly these ids, in order, at the claimed revisions. */
export function confirmsClaim(
  stored: readonly RecordedEvent[],
  events: readonly NewEvent[],
  claim: ClaimedRevisions,
): boolean {
  if (claim.first < 0n || stored.length !== events.length) return false;
  return stored.every(
    (event, index) =>
      event.revision === claim.first + BigInt(index) && event.id.toLowerCase() === events[index]!.id.toLowerCase(),
  );
}
