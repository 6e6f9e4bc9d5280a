import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { getNamedType, type GraphQLFormattedError } from 'graphql';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Principal } from '#auth';
import { DryRunEventStore, runInCommandScope, type CommandScope } from '#command-side';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PersonalDataInput } from '../carer/carer.inputs.js';
import { requestReason } from '../command-side/request.reasons.js';
import type { RequestContext } from '../auth/graphql-request.js';
import { parseImportLine, type ImportCommand, type LineRefusal, type MutationKind } from './import-line.js';
import type { ImportOptions } from './import-options.js';
import { importReason } from './imports.reasons.js';
import type { BodyLine } from './ndjson-lines.js';

export type LineStatus = 'applied' | 'replayed' | 'refused' | 'valid';

/** What happened to one line, as the response streams it (docs/data-tools.md). */
export interface LineResult {
  readonly line: number;
  readonly status: LineStatus;
  readonly code?: string;
  readonly message?: string;
  readonly details?: unknown;
  readonly position?: string;
}

export interface ImportSummary {
  readonly lines: number;
  readonly applied: number;
  readonly replayed: number;
  readonly refused: number;
  readonly valid: number;
  readonly dryRun: boolean;
}

/**
 * Mutations recorded in the event log that change what lies outside it: a carer's sealed identity.
 * (eraseCarer destroys a key too, but a dry run leaves the key alone, and a migrated carer has none.)
 */
const OUTSIDE_THE_LOG = new Set(['updateCarerPersonalData']);
/** The one result type of the mutations that are commands recorded in the event log. */
const COMMAND_RESULT = 'MutationResult';

interface MutationAnswer {
  readonly position: string;
  readonly replayed: boolean;
}

/**
 * Runs an import's lines through the GraphQL mutations themselves, in-process: each line is the
 * operation `mutation($input: <Input>!) { <name>(input: $input) { … } }` executed by the API's
 * own Apollo server with the caller's context, so it passes exactly what a client's request
 * passes (input validation and its plugins, the access guard and operation policy, the resolver's
 * checks, the command-id interceptor, the executor's membership check, the error formatter) and
 * reports the same codes. Only the HTTP layer (body parsing, rate limit per request) is the
 * import's own: the import counts once against the caller's rate limit.
 */
@Injectable()
export class ImportRunner {
  private catalogue: ReadonlyMap<string, string | null> | null = null;
  private apollo: ApolloServer<BaseContext> | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Runs the lines in order, one at a time (a later line may depend on an earlier one), and yields each result. */
  async *run(
    lines: AsyncIterable<BodyLine> | Iterable<BodyLine>,
    principal: Principal,
    req: unknown,
    options: ImportOptions,
  ): AsyncGenerator<LineResult> {
    const dryRun = options.dryRun
      ? new DryRunEventStore(this.moduleRef.get<EventStore>(EVENT_STORE, { strict: false }))
      : null;
    const rules = { mutationKind: (name: string) => this.kindOf(name), keepKnownSince: options.keepKnownSince };
    // Keeping when records were first known is an admin's migration of history recorded elsewhere.
    const migration = options.keepKnownSince && principal.role === 'admin';
    try {
      for await (const line of lines) {
        if (line.number < options.from) continue;
        if ('tooLong' in line) {
          yield refusedLine(line.number, {
            coded: importReason('LINE_TOO_LONG'),
            message: 'The line is longer than the request body limit',
          });
          continue;
        }
        const parsed = parseImportLine(line.text, rules);
        if ('refusal' in parsed) {
          yield refusedLine(line.number, parsed.refusal);
          continue;
        }
        yield await this.runLine(line.number, parsed.command, { req, principal, migration }, dryRun);
      }
    } finally {
      await dryRun?.close();
    }
  }

  private async runLine(
    line: number,
    command: ImportCommand,
    context: RequestContext,
    dryRun: DryRunEventStore | null,
  ): Promise<LineResult> {
    let input = command.input;
    if (context.migration && command.mutation === 'registerCarer' && input.personalData != null)
      return refusedLine(line, {
        coded: importReason('PERSONAL_DATA_IN_MIGRATION'),
        message:
          'A migration registers carers by pseudonym: leave personalData out, and let the registering provider enter it with updateCarerPersonalData',
      });
    if (dryRun && command.mutation === 'registerCarer' && input.personalData != null) {
      // The key vault is outside the event log and the overlay: a dry run checks the personal
      // data as the input validation would, and registers the carer without sealing it.
      const problems = await personalDataProblems(input.personalData);
      if (problems.length > 0)
        return {
          line,
          status: 'refused',
          code: requestReason('VALIDATION_FAILED').reason,
          message: problems.join('; '),
          details: { fields: problems },
        };
      const { personalData: _checked, ...rest } = input;
      input = rest;
    }
    const scope: CommandScope = { ...(dryRun ? { dryRun } : {}), knownSince: command.knownSince };
    const response = await runInCommandScope(scope, () =>
      this.server().executeOperation<Record<string, MutationAnswer>>(
        { query: this.document(command.mutation), variables: { input } },
        { contextValue: context },
      ),
    );
    if (response.body.kind !== 'single') throw new Error('an import line answered with an incremental result');
    const { data, errors } = response.body.singleResult;
    const [error] = errors ?? [];
    if (error) return refusedByApi(line, error);
    const answer = data![command.mutation]!;
    if (answer.replayed) return { line, status: 'replayed', ...(dryRun ? {} : { position: answer.position }) };
    return dryRun ? { line, status: 'valid' } : { line, status: 'applied', position: answer.position };
  }

  private document(mutation: string): string {
    const inputType = this.mutations().get(mutation)!;
    return `mutation Import($input: ${inputType}) { ${mutation}(input: $input) { position replayed } }`;
  }

  private kindOf(name: string): MutationKind {
    const mutations = this.mutations();
    if (!mutations.has(name)) return 'unknown';
    return mutations.get(name) === null ? 'not_importable' : 'importable';
  }

  /**
   * Every mutation of the served schema, with its input type when an import may run it: the
   * commands recorded in the event log (those answering a MutationResult with one `input`),
   * except the one that changes a carer's sealed identity. Read from the schema, so a new command is importable
   * the day it is added.
   */
  private mutations(): ReadonlyMap<string, string | null> {
    if (this.catalogue) return this.catalogue;
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    this.catalogue = new Map(
      fields.map((field) => {
        const [arg, ...others] = field.args;
        const importable =
          getNamedType(field.type).name === COMMAND_RESULT &&
          arg?.name === 'input' &&
          others.length === 0 &&
          !OUTSIDE_THE_LOG.has(field.name);
        return [field.name, importable ? String(arg.type) : null];
      }),
    );
    return this.catalogue;
  }

  private server(): ApolloServer<BaseContext> {
    this.apollo ??= this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, {
      strict: false,
    }).graphQlAdapter.instance;
    return this.apollo;
  }
}

function refusedLine(line: number, refusal: LineRefusal): LineResult {
  return {
    line,
    status: 'refused',
    code: refusal.coded.reason,
    message: refusal.message,
    ...(refusal.details ? { details: refusal.details } : {}),
  };
}

/** A line the API refused: the same reason (or code) and message a GraphQL client would read. */
function refusedByApi(line: number, error: GraphQLFormattedError): LineResult {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.reason === 'string' ? extensions.reason : String(extensions.code ?? 'ERROR');
  const details = extensions.details ?? (extensions.fields ? { fields: extensions.fields } : undefined);
  return { line, status: 'refused', code, message: error.message, ...(details ? { details } : {}) };
}

async function personalDataProblems(value: unknown): Promise<string[]> {
  if (typeof value !== 'object' || value === null) return ['personalData must be an object'];
  const errors = await validate(plainToInstance(PersonalDataInput, value), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const messages = (error: ValidationError): string[] => [
    ...Object.values(error.constraints ?? {}).map((message) => `personalData.${message}`),
    ...(error.children ?? []).flatMap(messages),
  ];
  return errors.flatMap(messages);
}

/** Counts the results of an import as they stream. */
export class ImportTally {
  private readonly counts = { lines: 0, applied: 0, replayed: 0, refused: 0, valid: 0 };

  constructor(private readonly dryRun: boolean) {}

  add(result: LineResult): void {
    this.counts.lines++;
    this.counts[result.status]++;
  }

  summary(): ImportSummary {
    return { ...this.counts, dryRun: this.dryRun };
  }
}
