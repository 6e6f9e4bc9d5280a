import type { Decider, DomainCommand, DomainEvent } from './decider.js';

/**
 * Everything the command side needs to run an aggregate generically: its decider, which
 * stream a command goes to, and the schema version each of its event types is written at.
 * Its functions, and the decider's, are declared as methods on purpose: TypeScript compares a
 * method's parameters both ways, so every aggregate is also an AnyAggregate (see below).
 */
export interface AggregateDefinition<C extends DomainCommand, E extends DomainEvent, S> {
  readonly name: string;
  readonly decider: Decider<C, E, S>;
  readonly commandTypes: readonly C['type'][];
  streamId(command: C): string;
  /** Current schema version of each event type this aggregate writes (1 when not listed). */
  readonly schemaVersions?: Readonly<Partial<Record<E['type'], number>>>;
}

/**
 * Any aggregate, for code that keeps aggregates of different types side by side (the seed's
 * plan). No cast is needed to get one; in exchange, nothing here ties a command to its
 * aggregate: check the pair where it is made, with a signature generic over `<C, E, S>`.
 */
export type AnyAggregate = AggregateDefinition<DomainCommand, DomainEvent, unknown>;

/** Reads an event stored at an older schema version as the current shape. */
export interface Upcaster {
  readonly eventType: string;
  /** The version this upcaster reads; it returns data of version `fromVersion + 1`. */
  readonly fromVersion: number;
  upcast(data: Readonly<Record<string, unknown>>): Record<string, unknown>;
}
