import type { Actor } from '#event-store';

/**
 * Refuses (by throwing) a caller who may not write events about these projects. The project of
 * an activity, a decision... is only known once its aggregate is loaded, so the check runs inside
 * the executor, on the events it is about to append.
 */
export type AuthoriseProjects = (projectIds: readonly string[]) => Promise<void>;

/** Who sends a command, and how: what ends up in the metadata of the events it writes. */
export interface CommandEnvelope {
  readonly actor: Actor;
  /** Client-chosen id: the same id twice returns the first result and writes nothing new. */
  readonly commandId?: string | null;
  /** When the fact happened, for history entered after the fact; defaults to now. */
  readonly occurredAt?: Date | null;
  /**
   * When the record was first known, for history migrated from elsewhere (see
   * EventMetadata.knownSince): at or after occurredAt, not after now. Trusted callers only (the
   * seed, an admin's import); no resolver takes it from a request.
   */
  readonly knownSince?: Date | null;
  readonly correlationId?: string;
  readonly territoryId?: string | null;
  /**
   * Called with the projects the decided events belong to, before they are appended: the API
   * refuses here a caller who is not a member of one of them. Absent for trusted tools (the seed).
   */
  readonly authorise?: AuthoriseProjects;
}

export interface CommandResult {
  readonly streamId: string;
  /** The stream's revision after the command (its last event). */
  readonly revision: bigint;
  /** Global position of the last event written: the consistency token for reads. */
  readonly position: string;
  readonly eventIds: readonly string[];
  /** True when a retried command id returned the first result. */
  readonly replayed: boolean;
}
