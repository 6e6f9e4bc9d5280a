import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PgDatabase } from '#database';
import * as policy from '../apps/api/src/auth/operation-policy.js';
import { startApi, type RunningApi } from './support/api-process.js';
import { ADMIN, as, tokenFor } from './support/auth.js';
import { postgresTestUrl, uniqueSchema, TEST_POOL } from './support/postgres.js';
import { DEV_ACTOR } from './support/project.js';
import { fixedRawCases, randomRawCases, type RawCase } from './support/fuzz/documents.js';
import { requestFor, rootFields, type RootField } from './support/fuzz/operations.js';
import { loadSchema } from './support/operations.js';
import { OTHER_PROVIDER, Pools, PROJECT_ID, RESEARCHER, seedState, type Written } from './support/fuzz/state.js';
import {
  chaosArguments,
  corrupt,
  corruption,
  unicodeEdit,
  validArguments,
  withUnicode,
  type FuzzContext,
} from './support/fuzz/values.js';

/**
 * The security fuzz: every Query and Mutation root field of the schema, derived at test time
 * from the schema the server generated, receives random and malformed arguments (wrong types,
 * null for non-null, huge strings, deep nesting, unknown enum values, impossible dates, unicode
 * edge cases, unknown fields) from every kind of caller, plus malformed documents and bodies.
 *
 * Every answer must be data or a typed GraphQL error (a string `extensions.code` other than
 * INTERNAL_SERVER_ERROR), the process must survive, and the event store must hold exactly the
 * events the successful commands reported: none from a refused command, none missing, none twice.
 *
 * Mutations that answer something other than a MutationResult (projection admin, signal framework
 * registration, API keys) write no events: they are fuzzed like the others, and any event they
 * wrote would show up as an event no successful command reported.
 *
 * An error coded SERVICE_UNAVAILABLE counts as broken too (the database is up throughout), and so
 * does an answer slower than REQUEST_TIMEOUT_MS.
 *
 * Reproducible: a fixed seed and a bounded number of cases (FUZZ_SEED and FUZZ_CASES override
 * them to explore locally; FUZZ_VERBOSE=1 prints a summary; FUZZ_TRACE=<file> logs every
 * request and answer).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const CASES_PER_FIELD = Number(process.env.FUZZ_CASES ?? 14);
const RANDOM_RAW_CASES = Number(process.env.FUZZ_RAW_CASES ?? 60);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
/** A file to write every request and answer to, one JSON line each, to see what the fuzz reached. */
const TRACE = process.env.FUZZ_TRACE;
/** The API's default REQUEST_BODY_LIMIT_BYTES: larger bodies are refused by HTTP, before GraphQL. */
const BODY_LIMIT_BYTES = 102_400;
/** An answer slower than this is a finding too: a small request must not tie the server up. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Answers that say the server broke rather than that the request was wrong. */
const BROKEN_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

type Mode = 'valid' | 'one-bad' | 'unicode' | 'chaos';

interface FuzzCase {
  readonly root: RootField;
  readonly mode: Mode;
  readonly args: Record<string, unknown>;
  readonly inline: boolean;
  readonly caller: string;
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json?: unknown;
  readonly failure?: string;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; reason?: unknown } }>;
}

interface Offender {
  readonly label: string;
  readonly caller: string;
  readonly problems: readonly string[];
  readonly request: string;
  readonly answer: string;
}

const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    return `<unserialisable: ${(error as Error).message}>`;
  }
}

/** A stable 32-bit hash, so each field's cases depend on the seed and its name only. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** What is wrong with an answer, if anything (empty: data or typed errors only). */
function problemsOf(answer: Answer, transport = false): string[] {
  if (answer.failure) return [`no answer: ${answer.failure}`];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const body = answer.json as GraphQLAnswer | undefined;
  const graphqlShaped =
    body !== null && typeof body === 'object' && !Array.isArray(body) && ('data' in body || 'errors' in body);
  if (!graphqlShaped) {
    // Refused before GraphQL (not JSON, too large): HTTP's own JSON error is fine, if it is a 4xx.
    if (transport && answer.json !== undefined && answer.status >= 400 && answer.status < 500) return problems;
    problems.push(answer.json === undefined ? 'answer is not JSON' : 'answer has neither data nor errors');
    return problems;
  }
  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) problems.push('errors is not a non-empty list');
    else
      for (const error of body.errors) {
        const code = error?.extensions?.code;
        if (typeof code !== 'string')
          problems.push(`error without a code: ${truncate(stringify(error?.message), 200)}`);
        else if (BROKEN_CODES.has(code)) problems.push(`${code}: ${truncate(stringify(error?.message), 200)}`);
      }
  }
  return problems;
}

const url = postgresTestUrl();

if (!url) {
  describe('fuzz of every query and mutation', () => {
    it.skip('skipped: DATABASE_URL is not set, so there is no PostgreSQL server to run against', () => undefined);
  });
} else {
  describe('fuzz of every query and mutation (PostgreSQL)', () => {
    const schemaName = uniqueSchema('fuzz');
    let api: RunningApi;
    let database: PgDatabase;
    const pools = new Pools();
    let carerId = '';
    /** Headers of each kind of caller, by name (the carer's token names the seeded carer). */
    let headersOf: Record<string, Record<string, string>> = {};
    let roots: RootField[] = [];
    let positionBefore = '0';

    /** Event ids the successful commands reported, with the case that reported them. */
    const claimed = new Map<string, string>();
    const doubled: string[] = [];
    const replayedIds = new Set<string>();
    const offenders: Offender[] = [];
    const stats = {
      cases: 0,
      raw: 0,
      succeeded: 0,
      commandsWritten: 0,
      byCode: new Map<string, number>(),
      byField: new Map<string, { ok: number; refused: number }>(),
      elapsedMs: 0,
    };

    beforeAll(async () => {
      api = await startApi({
        EVENT_STORE: 'postgres',
        DATABASE_URL: url,
        DATABASE_SCHEMA: schemaName,
        ...TEST_POOL,
        // The fuzz sends well over a minute's quota in seconds; it is about answers, not throttling.
        RATE_LIMIT_PER_MINUTE: '1000000',
      });
      database = await PgDatabase.open({ connectionString: url, schema: schemaName });
      ({ carerId } = await seedState(api, pools));
      headersOf = callers();
    }, 90_000);

    afterAll(async () => {
      await api?.stop();
      if (database) {
        await database.dropSchema();
        await database.close();
      }
    });

    const callers = (): Record<string, Record<string, string>> => ({
      admin: ADMIN,
      provider: DEV_ACTOR,
      'other-provider': OTHER_PROVIDER,
      researcher: RESEARCHER,
      analyst: as('analyst-2;analyst;org-university'),
      carer: as(`${carerId};carer`),
      'no token': {},
      'garbage token': { authorization: 'Bearer not.a.jwt' },
      'wrong secret': {
        authorization: `Bearer ${tokenFor({ id: 'admin-1', role: 'admin' }, { secret: 'another-secret-0123456789abcdef0123456789' })}`,
      },
      expired: { authorization: `Bearer ${tokenFor({ id: 'admin-1', role: 'admin' }, { expiresIn: -60 })}` },
      'unknown role': {
        authorization: `Bearer ${tokenFor({ id: 'x', role: 'admin' }, { extraClaims: { role: 'superuser' } })}`,
      },
    });

    const CALLER_WEIGHTS: Array<[string, number]> = [
      ['provider', 30],
      ['admin', 20],
      ['researcher', 15],
      ['carer', 10],
      ['analyst', 8],
      ['other-provider', 5],
      ['no token', 6],
      ['garbage token', 2],
      ['wrong secret', 2],
      ['expired', 1],
      ['unknown role', 1],
    ];
    const callerArbitrary = fc.oneof(
      ...CALLER_WEIGHTS.map(([name, weight]) => ({ weight, arbitrary: fc.constant(name) })),
    );
    /**
     * Valid cases go mostly to a caller the operation policy lets in, so they reach the deciders
     * rather than stop at FORBIDDEN (any caller otherwise, and if the table is not there).
     */
    function validCallerArbitrary(field: string): fc.Arbitrary<string> {
      const table = (policy as { OPERATION_POLICY?: Record<string, { roles?: readonly string[] }> }).OPERATION_POLICY;
      const roles = table?.[field]?.roles ?? [];
      const allowed = roles.filter((role) => ['admin', 'provider', 'researcher', 'analyst', 'carer'].includes(role));
      if (allowed.length === 0) return callerArbitrary;
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: callerArbitrary });
    }

    async function post(
      body: string,
      headers: Record<string, string>,
      contentType = 'application/json',
    ): Promise<Answer> {
      try {
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': contentType, ...headers },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: response.status, text, json };
      } catch (error) {
        return { status: 0, text: '', failure: `${(error as Error).name}: ${(error as Error).message}` };
      }
    }

    function alive(): boolean {
      return api.process.exitCode === null && api.process.signalCode === null;
    }

    /**
     * After an answer timed out the server may still be busy with it: wait until it answers again,
     * so that one slow case is reported once rather than as the timeouts of the cases queued behind it.
     */
    async function settle(answer: Answer): Promise<void> {
      if (!answer.failure) return;
      const deadline = Date.now() + 60_000;
      while (alive() && Date.now() < deadline) {
        const probe = await post(JSON.stringify({ query: '{ __typename }' }), ADMIN);
        if (!probe.failure) return;
      }
    }

    function record(label: string, caller: string, request: string, answer: Answer, problems: string[]): void {
      if (TRACE)
        appendFileSync(
          TRACE,
          `${stringify({ label, caller, problems, request: truncate(request, 1500), answer: truncate(answer.failure ?? answer.text, 1500) })}\n`,
        );
      if (problems.length === 0) return;
      offenders.push({
        label,
        caller,
        problems,
        request: truncate(request, 700),
        answer: truncate(answer.failure ?? answer.text, 600),
      });
    }

    function count(field: string | null, answer: Answer, ok: boolean): void {
      if (field !== null) {
        const entry = stats.byField.get(field) ?? { ok: 0, refused: 0 };
        if (ok) entry.ok++;
        else entry.refused++;
        stats.byField.set(field, entry);
      }
      for (const error of (answer.json as GraphQLAnswer | undefined)?.errors ?? []) {
        const code = String(error?.extensions?.code ?? 'none');
        stats.byCode.set(code, (stats.byCode.get(code) ?? 0) + 1);
      }
    }

    async function run(fuzz: FuzzCase, headers: Record<string, string>): Promise<void> {
      const args = pools.resolve(fuzz.args) as Record<string, unknown>;
      const request = requestFor(fuzz.root, args, fuzz.inline);
      const body = JSON.stringify(request);
      const oversized = Buffer.byteLength(body) > BODY_LIMIT_BYTES;
      const answer = await post(body, headers);
      await settle(answer);
      const label = `${fuzz.root.operation} ${fuzz.root.name} [${fuzz.mode}${fuzz.inline ? ', inline' : ''}]`;
      record(label, fuzz.caller, body, answer, problemsOf(answer, oversized));
      stats.cases++;

      const result = (answer.json as GraphQLAnswer | undefined)?.data?.[fuzz.root.name];
      const ok = result !== undefined && result !== null;
      count(fuzz.root.name, answer, ok);
      if (!ok) return;
      stats.succeeded++;
      if (fuzz.root.returnsMutationResult) {
        const written = result as Written;
        if (written.replayed) for (const id of written.eventIds) replayedIds.add(id);
        else {
          if (written.eventIds.length > 0) stats.commandsWritten++;
          for (const id of written.eventIds) {
            if (claimed.has(id)) doubled.push(`${id}: ${claimed.get(id)} and ${label}`);
            claimed.set(id, label);
          }
        }
        pools.learn(fuzz.root.name, written, args.input);
      }
      if (fuzz.root.name === 'pauseProjection' && typeof args.name === 'string') {
        // A paused projection would stall every later read-your-writes query: resume it at once.
        const resumed = await post(
          JSON.stringify({
            query: 'mutation R($name: String!) { resumeProjection(name: $name) { name } }',
            variables: { name: args.name },
          }),
          ADMIN,
        );
        record('harness: resumeProjection after a pause', 'admin', args.name, resumed, problemsOf(resumed));
      }
    }

    async function runRaw(raw: RawCase, randomCaller: string): Promise<void> {
      const caller = raw.caller ?? randomCaller;
      const body = raw.raw ? String(raw.body) : JSON.stringify(raw.body);
      const transport = raw.transport || Buffer.byteLength(body) > BODY_LIMIT_BYTES;
      const answer = await post(body, headersOf[caller]!, raw.contentType);
      await settle(answer);
      const label = `raw: ${raw.label}`;
      record(label, caller, body, answer, problemsOf(answer, transport));
      stats.raw++;
      count(null, answer, false);
      // None is meant to succeed; should a command among them write, its events are accounted for.
      for (const result of Object.values((answer.json as GraphQLAnswer | undefined)?.data ?? {})) {
        const eventIds = (result as Partial<Written> | null)?.eventIds;
        if (Array.isArray(eventIds)) for (const id of eventIds) claimed.set(id, label);
      }
    }

    function casesFor(root: RootField, context: FuzzContext, runs: number): FuzzCase[] {
      const args = root.field.args;
      const valid = validArguments(args, root.name, context);
      const variant = fc.oneof(
        {
          weight: 30,
          arbitrary: fc
            .tuple(valid, validCallerArbitrary(root.name))
            .map(([a, caller]) => ({ mode: 'valid' as Mode, args: a, caller })),
        },
        {
          weight: 35,
          arbitrary: fc
            .tuple(valid, corruption)
            .map(([a, how]) => ({ mode: 'one-bad' as Mode, args: corrupt(a, how) })),
        },
        {
          weight: 15,
          arbitrary: fc
            .tuple(valid, unicodeEdit, validCallerArbitrary(root.name))
            .map(([a, edit, caller]) => ({ mode: 'unicode' as Mode, args: withUnicode(a, edit), caller })),
        },
        {
          weight: 20,
          arbitrary: chaosArguments(args, root.name, context).map((a) => ({ mode: 'chaos' as Mode, args: a })),
        },
      );
      const arbitrary = fc.record({
        variant,
        inline: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
        caller: callerArbitrary,
      });
      return fc
        .sample(arbitrary, { seed: (SEED ^ hash(root.name)) | 0, numRuns: runs })
        .map(({ variant, inline, caller }) => ({
          root,
          mode: variant.mode,
          args: variant.args,
          inline,
          caller: 'caller' in variant ? variant.caller : caller,
        }));
    }

    it('answers every random and malformed operation with data or a typed error, and stays up', async () => {
      const started = Date.now();
      roots = rootFields(loadSchema());
      expect(roots.filter((r) => r.operation === 'mutation').length).toBeGreaterThanOrEqual(60);
      expect(roots.filter((r) => r.operation === 'query').length).toBeGreaterThanOrEqual(20);

      const projections = await api.graphql<{ projections: Array<{ name: string }> }>(
        '{ projections { name } }',
        undefined,
        ADMIN,
      );
      const frameworks = await api.graphql<{ signalFrameworks: Array<{ id: string; definition: unknown }> }>(
        '{ signalFrameworks { id definition } }',
        undefined,
        ADMIN,
      );
      const context: FuzzContext = {
        projectionNames: projections.data?.projections.map((p) => p.name) ?? [],
        frameworkIds: [...new Set(frameworks.data?.signalFrameworks.map((f) => f.id) ?? [])],
        frameworkDefinitions: frameworks.data?.signalFrameworks.map((f) => f.definition) ?? [],
      };
      const status = await api.graphql<{ eventStore: { lastPosition: string | null } }>(
        '{ eventStore { lastPosition } }',
        undefined,
        ADMIN,
      );
      if (status.data?.eventStore.lastPosition) pools.addPosition(status.data.eventStore.lastPosition);
      const [{ max }] = (await database.query<{ max: string | null }>(
        'select max(position)::text as max from es_events',
      )) as [{ max: string | null }];
      positionBefore = max ?? '0';

      // Round-robin over the fields in a seeded order, so state built early is hit later.
      const order = [...roots].sort((a, b) => hash(`${SEED}:${a.name}`) - hash(`${SEED}:${b.name}`));
      const cases = new Map(order.map((root) => [root.name, casesFor(root, context, CASES_PER_FIELD)]));
      const raws = [...fixedRawCases(PROJECT_ID), ...randomRawCases(roots, SEED, RANDOM_RAW_CASES)];
      const rawCallers = fc.sample(callerArbitrary, { seed: SEED, numRuns: raws.length });
      const total = CASES_PER_FIELD * order.length;
      const rawEvery = Math.max(1, Math.floor(total / raws.length));

      let sent = 0;
      let rawIndex = 0;
      for (let round = 0; round < CASES_PER_FIELD && alive(); round++) {
        for (const root of order) {
          const fuzz = cases.get(root.name)![round]!;
          await run(fuzz, headersOf[fuzz.caller]!);
          if (++sent % rawEvery === 0 && rawIndex < raws.length) {
            await runRaw(raws[rawIndex]!, rawCallers[rawIndex]!);
            rawIndex++;
          }
          if (!alive()) {
            offenders.push({
              label: `process exited after ${root.name}`,
              caller: fuzz.caller,
              problems: [`exit code ${api.process.exitCode}, signal ${api.process.signalCode}`],
              request: truncate(stringify(fuzz.args), 700),
              answer: '',
            });
            break;
          }
        }
      }
      for (; rawIndex < raws.length && alive(); rawIndex++) {
        await runRaw(raws[rawIndex]!, rawCallers[rawIndex]!);
      }
      stats.elapsedMs = Date.now() - started;

      if (VERBOSE) {
        const untouched = [...stats.byField.entries()].filter(([, c]) => c.ok === 0).map(([name]) => name);
        console.warn(
          [
            `fuzz seed ${SEED}: ${stats.cases} operations + ${stats.raw} raw requests in ${stats.elapsedMs} ms`,
            `${stats.succeeded} answered with data, ${stats.commandsWritten} commands wrote events (${claimed.size} events)`,
            `codes: ${stringify(Object.fromEntries(stats.byCode))}`,
            `pools: ${stringify(pools.summary())}`,
            `fields never answered with data: ${untouched.join(', ')}`,
          ].join('\n'),
        );
      }

      const report = offenders.map(
        (o) => `${o.label} as ${o.caller}: ${o.problems.join('; ')}\n  request: ${o.request}\n  answer: ${o.answer}`,
      );
      expect({ offenders: offenders.length, first: report.slice(0, 40) }).toEqual({ offenders: 0, first: [] });
      expect(alive()).toBe(true);
    }, 240_000);

    it('still answers after the fuzz, with no projection failed on an event the fuzz wrote', async () => {
      expect(alive()).toBe(true);
      const response = await api.graphql<{
        __typename: string;
        projections: Array<{ name: string; state: string; failure: unknown }>;
      }>('{ __typename projections { name state failure { eventType streamId error } } }', undefined, ADMIN);
      expect(response.errors).toBeUndefined();
      expect(response.data?.__typename).toBe('Query');
      const failed = response.data!.projections.filter((p) => p.state === 'failed' || p.failure !== null);
      expect(failed).toEqual([]);
    });

    it('holds exactly the events of the commands that succeeded', async () => {
      const rows = await database.query<{ id: string; type: string; stream_id: string }>(
        'select event_id::text as id, type, stream_id from es_events where position > $1::bigint order by position',
        [positionBefore],
      );
      const stored = new Set(rows.map((row) => row.id));
      const unexpected = rows
        .filter((row) => !claimed.has(row.id))
        .map((row) => `${row.id} ${row.type} on ${row.stream_id}: no successful command reported it`);
      const missing = [...claimed.entries()]
        .filter(([id]) => !stored.has(id))
        .map(([id, label]) => `${id} reported by ${label} is not in the store`);
      const before = await database.query<{ id: string }>(
        'select event_id::text as id from es_events where position <= $1::bigint',
        [positionBefore],
      );
      const known = new Set([...before.map((row) => row.id), ...stored]);
      const phantomReplays = [...replayedIds]
        .filter((id) => !known.has(id))
        .map((id) => `${id} replayed but never stored`);

      expect(claimed.size).toBeGreaterThan(0);
      expect(rows.length).toBe(stored.size);
      expect({ unexpected, missing, doubled, phantomReplays }).toEqual({
        unexpected: [],
        missing: [],
        doubled: [],
        phantomReplays: [],
      });
    });
  });
}
