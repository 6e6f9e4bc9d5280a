import type { GlobalPosition } from './position.js';

/** Who acted, as taken from the authenticated request. Never carries names or contacts. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly organisationId?: string;
}

export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly commandId?: string;
  readonly projectId?: string;
  readonly territoryId?: string;
  /**
   * Only on history migrated into the platform (the demo seed, an admin's import): when the record
   * was first known outside it, an ISO time between occurredAt and the store's recordedAt. Time
   * travel on "what had been recorded by then" (`knownAt`) reads it in place of recordedAt, so a
   * migrated pilot keeps its own record of who knew what when; recordedAt itself is never rewritten.
   */
  readonly knownSince?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An event as a writer hands it to the store. */
export interface NewEvent {
  /** Client-chosen UUID; appending the same ids again is a no-op that returns the first result. */
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  /** When it happened in the world. History may be entered after the fact, never ahead of time. */
  readonly occurredAt: Date;
}

/** An event as the store gives it back. */
export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: GlobalPosition;
  /** When the store accepted it. */
  readonly recordedAt: Date;
}
