import type { ProjectionEvents } from './projection-events.js';

export interface WatchOptions {
  /** Only commits of these projections wake the watcher (all when omitted). */
  readonly projections?: readonly string[];
  /** Without a local commit (projector in another process), read again this often. */
  readonly pollMs?: number;
  /** At most one read this often, however fast batches commit. */
  readonly throttleMs?: number;
}

/**
 * Live updates of a read-model query: reads it when a projection commits in this process (and on a
 * slow poll otherwise), and yields only when the answer changed. Subscriptions are built on it.
 */
export async function* watchChanges<T>(
  events: ProjectionEvents,
  read: () => Promise<T>,
  options: WatchOptions = {},
): AsyncGenerator<T> {
  const pollMs = options.pollMs ?? 1_000;
  const throttleMs = options.throttleMs ?? 250;
  let wake: (() => void) | null = null;
  let pending = true;
  const subscription = events.committed.subscribe((commit) => {
    if (options.projections && !options.projections.includes(commit.projection)) return;
    pending = true;
    wake?.();
  });
  let previous: string | null = null;
  try {
    for (;;) {
      if (!pending) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
        });
        wake = null;
      }
      pending = false;
      const value = await read();
      const fingerprint = JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'bigint' ? String(item) : item,
      );
      if (fingerprint !== previous) {
        previous = fingerprint;
        yield value;
      }
      await new Promise((resolve) => setTimeout(resolve, throttleMs).unref());
    }
  } finally {
    subscription.unsubscribe();
  }
}
