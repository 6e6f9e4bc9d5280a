import type { DomainEvent } from './decider.js';

/**
 * The runtime list of an event union's types. Written as a record so that the compiler insists on
 * every member of the union and refuses any other name: a list that silently misses a new event
 * type is the bug this prevents.
 */
export function eventTypesOf<E extends DomainEvent>(types: { readonly [T in E['type']]: true }): readonly E['type'][] {
  return Object.keys(types) as E['type'][];
}
