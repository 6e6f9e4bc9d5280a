import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { commandScope } from '#command-side';
import { migrate, OPERATIONAL_DATABASE, type SqlDatabase } from '#database';
import { MutationResult } from './mutation-result.model.js';

interface ResultRow {
  mutation: string;
  result: {
    id: string;
    streamId: string;
    revision: number;
    position: string;
    eventIds: string[];
  };
}

/**
 * The first result of every mutation sent with a command id. A retry is answered from here
 * before the resolver runs anything, so checks or side effects that would now fail (the carer
 * was erased since, the instrument retired) cannot turn a retry of a success into an error.
 */
@Injectable()
export class CommandResults implements OnModuleInit {
  constructor(@Inject(OPERATIONAL_DATABASE) private readonly database: SqlDatabase) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.database, 'command-side', [
      {
        version: 1,
        name: 'command results',
        sql: `create table command_results (
          command_id uuid primary key,
          mutation text not null,
          result jsonb not null,
          recorded_at timestamptz not null default now()
        )`,
      },
    ]);
  }

  async find(commandId: string): Promise<{ mutation: string; result: MutationResult } | null> {
    // An import's dry run keeps the results of its own lines in memory (see record).
    const pending = commandScope()?.dryRun?.sideRecords.get(resultKey(commandId)) as ResultRow | undefined;
    const [row] = pending
      ? [pending]
      : await this.database.query<ResultRow>('select mutation, result from command_results where command_id = $1', [
          commandId,
        ]);
    if (!row) return null;
    return { mutation: row.mutation, result: Object.assign(new MutationResult(), { ...row.result, replayed: true }) };
  }

  async record(commandId: string, mutation: string, result: MutationResult): Promise<void> {
    const { id, streamId, revision, position, eventIds } = result;
    const dryRun = commandScope()?.dryRun;
    if (dryRun) {
      // A dry run writes nothing: its later lines still see this result, a real run never does.
      const row: ResultRow = { mutation, result: { id, streamId, revision, position, eventIds } };
      dryRun.sideRecords.set(resultKey(commandId), row);
      return;
    }
    await this.database.query(
      'insert into command_results (command_id, mutation, result) values ($1, $2, $3::jsonb) on conflict do nothing',
      [commandId, mutation, JSON.stringify({ id, streamId, revision, position, eventIds })],
    );
  }
}

const resultKey = (commandId: string) => `command-result:${commandId}`;
