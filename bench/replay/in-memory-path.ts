import { randomBytes, randomUUID } from 'node:crypto';
import {
  carerAggregate,
  carerStreamId,
  hasConsent,
  organisationAggregate,
  organisationStreamId,
  projectAggregate,
  projectStreamId,
  satisfactionInstrumentFrom,
  surveyInstrumentAggregate,
  surveyInstrumentStreamId,
  type AggregateDefinition,
  type DomainCommand,
  type DomainEvent,
  type EncryptedPersonalData,
  type SatisfactionInstrument,
} from '#domain';
import { commandSideError, requireAudioConsentOf, requireParticipatingCarer, type StateLoader } from '#command-side';
import type { JsonObject, NewEvent } from '#event-store';
import type { Step, StepServices } from '../../apps/seed/src/plan.js';

interface Cached {
  state: unknown;
  revision: bigint;
}

/**
 * The seed's command path without a database round trip per command: states are folded in
 * memory, every command is decided by the same deciders (and the same cross-aggregate checks
 * the resolvers make), and the resulting events are buffered for bulk appends. It generates the
 * benchmark's large histories at thousands of commands a second; `npm run seed:demo` stays the
 * faithful path through the CommandBus.
 */
export class InMemoryCommandPath implements StepServices {
  private readonly streams = new Map<string, Cached>();
  private pending: Array<{ streamId: string; expected: bigint | 'no_stream'; events: NewEvent[] }> = [];
  pendingEvents = 0;

  private load<S>(aggregate: AggregateDefinition<DomainCommand, DomainEvent, S>, streamId: string): S {
    return (this.streams.get(streamId)?.state as S | undefined) ?? aggregate.decider.initialState;
  }

  async execute(step: Step): Promise<number> {
    const command = await step.build(this);
    const aggregate = step.aggregate;
    const streamId = aggregate.streamId(command);
    const cached = this.streams.get(streamId);
    const state = cached?.state ?? aggregate.decider.initialState;
    const decided = aggregate.decider.decide(command, state, { now: new Date(), occurredAt: step.at });
    if (decided.length === 0) return 0;
    const next = decided.reduce(aggregate.decider.evolve, state);
    const revision = cached ? cached.revision : -1n;
    this.streams.set(streamId, { state: next, revision: revision + BigInt(decided.length) });
    const versions = aggregate.schemaVersions as Record<string, number | undefined> | undefined;
    this.pending.push({
      streamId,
      expected: cached ? revision : 'no_stream',
      events: decided.map((event) => {
        const data = event.data as unknown as JsonObject;
        return {
          id: randomUUID(),
          type: event.type,
          schemaVersion: versions?.[event.type] ?? 1,
          data,
          occurredAt: step.at,
          metadata: {
            actor: step.actor,
            correlationId: step.commandId,
            commandId: step.commandId,
            ...(typeof data.projectId === 'string' ? { projectId: data.projectId } : {}),
          },
        };
      }),
    });
    this.pendingEvents += decided.length;
    return decided.length;
  }

  /** Takes the buffered appends, merged per stream in order (one append per stream per flush). */
  drain(): Array<{ streamId: string; expected: bigint | 'no_stream'; events: NewEvent[] }> {
    const merged = new Map<string, { streamId: string; expected: bigint | 'no_stream'; events: NewEvent[] }>();
    for (const append of this.pending) {
      const existing = merged.get(append.streamId);
      if (existing) existing.events.push(...append.events);
      else merged.set(append.streamId, { ...append, events: [...append.events] });
    }
    this.pending = [];
    this.pendingEvents = 0;
    return [...merged.values()];
  }

  async requireProject(projectId: string): Promise<void> {
    if (this.load(projectAggregate, projectStreamId(projectId)).status === 'unknown') {
      throw commandSideError('PROJECT_NOT_FOUND', `Project ${projectId} does not exist`);
    }
  }

  async requireOrganisation(organisationId: string): Promise<void> {
    if (this.load(organisationAggregate, organisationStreamId(organisationId)).status === 'unknown') {
      throw commandSideError('ORGANISATION_NOT_FOUND', `Organisation ${organisationId} is not registered`);
    }
  }

  async satisfactionInstrument(instrumentId: string): Promise<SatisfactionInstrument> {
    const state = this.load(surveyInstrumentAggregate, surveyInstrumentStreamId(instrumentId));
    return satisfactionInstrumentFrom(state, instrumentId);
  }

  /** A well-formed envelope under a throwaway key: the benchmark measures projections, not crypto. */
  async encrypt(carerId: string): Promise<EncryptedPersonalData> {
    return {
      algorithm: 'aes-256-gcm',
      keyId: `bench-${carerId}`,
      iv: randomBytes(12).toString('base64'),
      ciphertext: randomBytes(96).toString('base64'),
      authTag: randomBytes(16).toString('base64'),
    };
  }

  async erase(): Promise<void> {}

  /** The command side's cross-aggregate checks, over the states held in memory. */
  private readonly states: StateLoader = { loadState: async (aggregate, streamId) => this.load(aggregate, streamId) };

  async requireParticipating(carerId: string): Promise<void> {
    await requireParticipatingCarer(this.states, carerId);
  }

  async requireAudioConsent(carerIds: readonly string[]): Promise<void> {
    await requireAudioConsentOf(this.states, carerIds);
  }

  async allConsentToAudio(carerIds: readonly string[]): Promise<boolean> {
    return carerIds.every((carerId) =>
      hasConsent(this.load(carerAggregate, carerStreamId(carerId)), 'audio_recording'),
    );
  }
}
