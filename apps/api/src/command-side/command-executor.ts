import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  EVENT_STORE,
  formatPosition,
  WrongExpectedRevisionError,
  type Actor,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import { conflict, fold, upcast, type AggregateDefinition, type DomainCommand, type DomainEvent } from '#domain';

/** Namespace for ids derived from a client's command id, so a retry derives the same ids. */
const COMMAND_NAMESPACE = '6f1c1f55-2a4b-4d0e-9a43-3c8f5a0e7b21';
const MAX_ATTEMPTS = 5;

export interface CommandEnvelope {
  readonly actor: Actor;
  /** Client-chosen id: the same id twice returns the first result and writes nothing new. */
  readonly commandId?: string | null;
  /** When the fact happened, for history entered after the fact; defaults to now. */
  readonly occurredAt?: Date | null;
  readonly correlationId?: string;
  readonly territoryId?: string | null;
  /**
   * Called with the projects the decided events belong to, before they are appended: the API
   * refuses here a caller who is not a member of one of them (the project of an activity, a
   * decision... is only known once the aggregate is loaded). Absent for trusted tools (the seed).
   */
  readonly authorise?: (projectIds: readonly string[]) => Promise<void>;
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

/** Derives a stable id from a client's command id (e.g. the id of the project a launch creates). */
export function idFromCommand(commandId: string | null | undefined, purpose: string): string {
  return commandId ? uuidv5(`${commandId}:${purpose}`, COMMAND_NAMESPACE) : randomUUID();
}

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
    const history = (await this.store.readStream(streamId)).map((event) => upcast(event));
    return fold(
      aggregate.decider,
      history.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
    );
  }

  async execute<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<CommandResult> {
    const streamId = aggregate.streamId(command);
    for (let attempt = 1; ; attempt++) {
      const history = (await this.store.readStream(streamId)).map((event) => upcast(event));
      const earlier = envelope.commandId ? history.filter((e) => e.metadata.commandId === envelope.commandId) : [];
      if (earlier.length > 0) return resultOf(streamId, earlier, true);

      const state = fold(
        aggregate.decider,
        history.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
      );
      const now = new Date();
      const occurredAt = envelope.occurredAt ?? now;
      const decided = aggregate.decider.decide(command, state, { now, occurredAt });
      const last = history[history.length - 1];
      if (decided.length === 0) {
        if (!last)
          throw conflict(
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
      const events = decided.map((event, index) => this.toNewEvent(aggregate, event, index, envelope, occurredAt));
      if (envelope.authorise) {
        const projects = new Set(events.flatMap((e) => (e.metadata.projectId ? [e.metadata.projectId] : [])));
        await envelope.authorise([...projects]);
      }
      const expected: ExpectedRevision = last ? last.revision : 'no_stream';
      try {
        const appended = await this.store.append(streamId, events, expected);
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
          throw conflict(
            'CONCURRENT_MODIFICATION',
            `${aggregate.name} ${streamId} kept changing under this command; try again`,
            { attempts: attempt },
          );
        }
      }
    }
  }

  private toNewEvent<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateDefinition<C, E, S>,
    event: E,
    index: number,
    envelope: CommandEnvelope,
    occurredAt: Date,
  ): NewEvent {
    const data = event.data as unknown as JsonObject;
    const projectId = typeof data.projectId === 'string' ? data.projectId : undefined;
    const versions = aggregate.schemaVersions as Record<string, number | undefined> | undefined;
    return {
      id: envelope.commandId ? idFromCommand(envelope.commandId, `event:${index}`) : randomUUID(),
      type: event.type,
      schemaVersion: versions?.[event.type] ?? 1,
      data,
      occurredAt,
      metadata: {
        actor: envelope.actor,
        correlationId: envelope.correlationId ?? envelope.commandId ?? randomUUID(),
        ...(envelope.commandId ? { commandId: envelope.commandId, causationId: envelope.commandId } : {}),
        ...(projectId ? { projectId } : {}),
        ...(envelope.territoryId ? { territoryId: envelope.territoryId } : {}),
      },
    };
  }
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
