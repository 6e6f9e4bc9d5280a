import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module, type DynamicModule } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { DomainError, forbidden, projectAggregate, type ProjectCommand } from '#domain';
import { EVENT_STORE, type EventStore } from '#event-store';
import { openTestEventStore } from '#event-store/testing';
import { valleyPilot } from '#read-models/testing';
import { CommandSideCoreModule } from './command-side-core.module.js';
import { ExecuteDomainCommand } from './execute-domain-command.js';

const actor = { id: 'researcher-1', role: 'researcher', organisationId: 'org-uni' };

const launch = (projectId: string): ProjectCommand => ({ type: 'LaunchProject', data: valleyPilot(projectId) });

@Module({})
class StoreModule {
  static of(store: EventStore): DynamicModule {
    return {
      module: StoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useValue: store }],
      exports: [EVENT_STORE],
    };
  }
}

describe('ExecuteDomainCommand over the command bus', () => {
  let store: EventStore;
  let app: TestingModule;
  let bus: CommandBus;

  // One store for the suite: every test writes to streams of its own.
  beforeAll(async () => {
    store = await openTestEventStore('execute_domain_command');
    app = await Test.createTestingModule({ imports: [StoreModule.of(store), CommandSideCoreModule] }).compile();
    await app.init();
    bus = app.get(CommandBus);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('reaches the executor and answers with what was written', async () => {
    const projectId = randomUUID();
    const commandId = randomUUID();
    const result = await bus.execute(
      new ExecuteDomainCommand(projectAggregate, launch(projectId), { actor, commandId }),
    );
    expect(result).toMatchObject({ streamId: `project-${projectId}`, revision: 0n, replayed: false });
    const [event] = await store.readStream(`project-${projectId}`);
    expect(result.eventIds).toEqual([event!.id]);
    const again = await bus.execute(
      new ExecuteDomainCommand(projectAggregate, launch(projectId), { actor, commandId }),
    );
    expect(again).toEqual({ ...result, replayed: true });
  });

  it('asks the envelope to authorise the projects of the decided events, and writes nothing when refused', async () => {
    const projectId = randomUUID();
    const asked: string[][] = [];
    const refusal = await bus
      .execute(
        new ExecuteDomainCommand(projectAggregate, launch(projectId), {
          actor,
          authorise: async (projectIds) => {
            asked.push([...projectIds]);
            throw forbidden('NOT_A_MEMBER', 'not a member');
          },
        }),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(asked).toEqual([[projectId]]);
    expect(await store.readStream(`project-${projectId}`)).toEqual([]);
  });
});
