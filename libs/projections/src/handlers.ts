import type { RecordedEvent } from '#event-store';

/** The shape every domain event union shares; kept structural so the engine does not depend on the domain. */
export interface EventShape {
  readonly type: string;
  readonly data: object;
}

/** A recorded event whose `type` and `data` are those of one member of the domain's union. */
export type TypedRecordedEvent<E extends EventShape> = Omit<RecordedEvent, 'type' | 'data'> & {
  readonly type: E['type'];
  readonly data: E['data'];
};

export type EventHandler<E extends EventShape, Context, Result> = (
  event: TypedRecordedEvent<E>,
  context: Context,
) => Result;

/**
 * A projection's handlers, one per event type of the union `E`. An object literal of this type
 * refuses a key that is not an event type of `E` (a misspelled or removed event), and types each
 * handler's event by its key.
 */
export type HandlerMap<E extends EventShape, Context, Result> = {
  readonly [T in E['type']]?: EventHandler<Extract<E, { type: T }>, Context, Result>;
};

export interface EventHandlers<E extends EventShape, Context, Result> {
  /** The event types handled: a projection's `eventTypes`, derived rather than written twice. */
  readonly eventTypes: readonly E['type'][];
  handles(type: string): type is E['type'];
  /** Runs the handler of the event's type; `undefined` for an event type that has none. */
  handle(event: RecordedEvent, context: Context): Result | undefined;
}

/**
 * Declares a projection's handlers against a domain event union:
 *
 *   const handlers = eventHandlers<PlatformEvent, Batch>({
 *     ActivityCancelled: (event, batch) => batch.cancel(event.data.activityId),
 *   });
 *   export const projection = { eventTypes: handlers.eventTypes, apply: ... handlers.handle(event, batch) };
 *
 * The store hands projections untyped `RecordedEvent`s (already upcast to the current schema); the
 * one cast from stored JSON to the domain's shape is here, keyed by the event's type.
 */
export function eventHandlers<E extends EventShape, Context, Result = void>(
  map: HandlerMap<E, Context, Result>,
): EventHandlers<E, Context, Result> {
  const table = new Map<string, EventHandler<E, Context, Result>>();
  for (const [type, handler] of Object.entries(map)) {
    if (typeof handler === 'function') table.set(type, handler as EventHandler<E, Context, Result>);
  }
  const eventTypes = [...table.keys()] as E['type'][];
  return {
    eventTypes,
    handles: (type): type is E['type'] => table.has(type),
    handle(event, context) {
      const handler = table.get(event.type);
      return handler ? handler(event as unknown as TypedRecordedEvent<E>, context) : undefined;
    },
  };
}

/**
 * The same handler for several event types (e.g. every event that moves a project's clock), to be
 * spread into a handler map. The types are checked against the union like any key.
 */
export function sameHandler<E extends EventShape, Context, Result, const T extends E['type']>(
  types: readonly T[],
  handler: EventHandler<Extract<E, { type: T }>, Context, Result>,
): HandlerMap<E, Context, Result> {
  return Object.fromEntries(types.map((type) => [type, handler])) as unknown as HandlerMap<E, Context, Result>;
}
