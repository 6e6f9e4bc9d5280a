import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  formatPosition,
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import { fold, upcast, type AggregateDefinition, type DomainCommand, type DomainEvent } from '#domain';
import type { CommandEnvelope, CommandResult } from './command-envelope.js';
import { commandScope } from './command-scope.js';
import { idFromCommand } from './command-ids.js';
import { commandSideError } from './command-side.reasons.js';

/**
 * Each lost race means another writer committed, so N writers racing on one stream all get
 * through when N <= MAX_ATTEMPTS; a pause of a few random milliseconds between attempts lets
 * their reads and appends spread out instead of colliding again in lockstep.
 */
const MAX_ATTEMPTS = 10;
const MAX_PAUSE_MS = 4;

/**
 * Runs one command against one aggregate: read its stream, fold it, decide, append with the
 * stream's revision as the expected revision. A concurrent writer makes the append fail; the
 * command is then decided again on the fresh state, a bounded number of times.
 */
@Injectable()
export class CommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The current state of another aggregate, for checks a decider cannot make alone (e.g. an instrument's scale). */
  async loadState<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    streamId: string,
  ): Promise<S> {
    return stateOf(aggregate, await this.history(streamId));
  }

  async execute<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<CommandResult> {
    const streamId = aggregate.streamId(command);
    for (let attempt = 1; ; attempt++) {
      const history = await this.history(streamId);
      const earlier = envelope.commandId ? history.filter((e) => e.metadata.commandId === envelope.commandId) : [];
      if (earlier.length > 0) return resultOf(streamId, earlier, true);

      const state = stateOf(aggregate, history);
      const now = new Date();
      const occurredAt = envelope.occurredAt ?? now;
      const knownSince = envelope.knownSince ?? null;
      if (knownSince && (knownSince.getTime() < occurredAt.getTime() || knownSince.getTime() > now.getTime()))
        throw commandSideError(
          'KNOWN_SINCE_OUT_OF_RANGE',
          `A record known since ${knownSince.toISOString()} cannot be of a fact that happened at ${occurredAt.toISOString()} and reach the platform at ${now.toISOString()}`,
          { occurredAt: occurredAt.toISOString(), knownSince: knownSince.toISOString() },
        );
      const decided = aggregate.decider.decide(command, state, { now, occurredAt });
      const last = history[history.length - 1];
      if (decided.length === 0) {
        if (!last)
          throw commandSideError(
            'NOTHING_TO_DO',
            `${aggregate.name} ${streamId} does not exist and the command changed nothing`,
          );
        return {
          streamId,
          revision: last.revision,
          position: formatPosition(last.position),
          eventIds: [],
          replayed: false,
        };
      }
      const events = decided.map((event, index) => toNewEvent(aggregate, event, index, envelope, occurredAt));
      if (envelope.authorise) {
        const projects = new Set(events.flatMap((e) => (e.metadata.projectId ? [e.metadata.projectId] : [])));
        await envelope.authorise([...projects]);
      }
      const expected: ExpectedRevision = last ? last.revision : 'no_stream';
      try {
        const appended = await this.active().append(streamId, events, expected);
        return {
          streamId,
          revision: appended.nextExpectedRevision,
          position: formatPosition(appended.position),
          eventIds: events.map((e) => e.id),
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw commandSideError(
            'CONCURRENT_MODIFICATION',
            `${aggregate.name} ${streamId} kept changing under this command; try again`,
            { attempts: attempt },
          );
        }
        await sleep(Math.random() * MAX_PAUSE_MS * attempt);
      }
    }
  }

  /** The stream's events, each read at its current schema version. */
  private async history(streamId: string): Promise<RecordedEvent[]> {
    return (await this.active().readStream(streamId)).map((event) => upcast(event));
  }

  /** The store of this command: inside an import's dry run its overlay (command-scope.ts), else the real one. */
  private active(): EventStore {
    return commandScope()?.dryRun ?? this.store;
  }
}

/** The aggregate's state after the events of its stream. */
function stateOf<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateDefinition<C, E, S>,
  history: readonly RecordedEvent[],
): S {
  // The store gives back JSON under a type name; only where it was written ties it to E: every
  // event of this stream was decided by this aggregate, and upcast above to its current shape.
  // No check at runtime could say more, so this is the one place the type is asserted.
  const events = history.map((e) => ({ type: e.type, data: e.data }) as unknown as E);
  return fold(aggregate.decider, events);
}

function toNewEvent<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateDefinition<C, E, S>,
  event: E,
  index: number,
  envelope: CommandEnvelope,
  occurredAt: Date,
): NewEvent {
  // Event data is JSON by the domain's rule (dates as ISO strings, null rather than missing); the
  // domain declares it with interfaces, which TypeScript does not read as JSON objects.
  const data = event.data as JsonObject;
  const projectId = typeof data.projectId === 'string' ? data.projectId : undefined;
  const type: E['type'] = event.type;
  return {
    id: envelope.commandId ? idFromCommand(envelope.commandId, `event:${index}`) : randomUUID(),
    type,
    schemaVersion: aggregate.schemaVersions?.[type] ?? 1,
    data,
    occurredAt,
    metadata: {
      actor: envelope.actor,
      correlationId: envelope.correlationId ?? envelope.commandId ?? randomUUID(),
      ...(envelope.commandId ? { commandId: envelope.commandId, causationId: envelope.commandId } : {}),
      ...(projectId ? { projectId } : {}),
      ...(envelope.territoryId ? { territoryId: envelope.territoryId } : {}),
      ...(envelope.knownSince ? { knownSince: envelope.knownSince.toISOString() } : {}),
    },
  };
}

function resultOf(streamId: string, events: readonly RecordedEvent[], replayed: boolean): CommandResult {
  const last = events[events.length - 1]!;
  return {
    streamId,
    revision: last.revision,
    position: formatPosition(last.position),
    eventIds: events.map((e) => e.id),
    replayed,
  };
}
