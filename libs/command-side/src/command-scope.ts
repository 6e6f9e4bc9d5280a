import { AsyncLocalStorage } from 'node:async_hooks';
import type { DryRunEventStore } from './dry-run-event-store.js';

/**
 * What an import sets around the commands of one of its lines, for code the command travels
 * through without being handed it: a GraphQL mutation executed in-process runs the resolver, the
 * guard and the command bus, none of which take import options as arguments.
 */
export interface CommandScope {
  /**
   * A dry run: the executor reads and appends through this overlay instead of the real store,
   * and the API keeps its command results in it, so nothing is written anywhere.
   */
  readonly dryRun?: DryRunEventStore;
  /**
   * When the record the command migrates was first known (an admin's import with
   * keepKnownSince): the API puts it in the command envelope, the executor validates it.
   */
  readonly knownSince?: Date | null;
}

const scopes = new AsyncLocalStorage<CommandScope>();

/** Runs `work` with `scope` visible to everything it awaits, and to nothing else. */
export function runInCommandScope<T>(scope: CommandScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/** The scope of the import line being run, if any (none for every ordinary request). */
export function commandScope(): CommandScope | undefined {
  return scopes.getStore();
}
