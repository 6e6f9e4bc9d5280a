import { expect } from '@jest/globals';
import type { Decider, DecisionContext, DomainCommand, DomainEvent } from './decider.js';
import { DomainError } from './errors.js';
import { fold } from './decider.js';

export const NOW = new Date('2026-06-15T10:00:00.000Z');

/**
 * Test helper for deciders: given past events, when a command, then new events or an error.
 * Only for *.spec.ts files.
 */
export function scenario<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(...history: E[]) {
      return {
        when(command: C, context: Partial<DecisionContext> = {}) {
          const state = fold(decider, history);
          const run = () =>
            decider.decide(command, state, { now: NOW, occurredAt: context.occurredAt ?? NOW, ...context });
          return {
            then(...expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenFails(reason: string, category?: DomainError['category']) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).reason).toBe(reason);
              if (category) expect((caught as DomainError).category).toBe(category);
            },
          };
        },
      };
    },
  };
}
