import type { NewEvent, RecordedEvent } from '../events.js';

/**
 * What a stream already holds of an append's event ids.
 *
 * Why this exists: the port promises that an append whose ids are already in the stream returns
 * the original result, and that ids reused for other events are refused. KurrentDB only
 * recognises a retry on its own terms: with the same expected revision it finds the earlier
 * write and answers success (with no position); with `any` it does so only while the write is
 * in its recent-writes cache, after which the events are written a second time; with any other
 * expected revision it answers "wrong expected version". The adapter therefore looks the ids up
 * in the stream when KurrentDB refuses an append, and classifies what it finds here.
 *
 * What cannot be matched: KurrentDB does not make event ids unique across streams, so an id
 * already used in another stream is accepted (the SQL stores refuse it), and a late retry with
 * `any` is written again instead of being recognised.
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
