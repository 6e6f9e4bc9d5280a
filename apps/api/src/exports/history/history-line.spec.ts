import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  coerceInputValue,
  getNamedType,
  isInputObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import {
  activityAggregate,
  decisionAggregate,
  evidenceAggregate,
  fold,
  informationChannelAggregate,
  partnershipDecider,
  PLATFORM_EVENT_TYPES,
  surveyInstrumentAggregate,
  type PartnershipCommand,
  type PartnershipEvent,
  type PlatformEventType,
} from '#domain';
import type { EventMetadata, RecordedEvent } from '#event-store';
import {
  HISTORY_TABLE,
  HistoryNotReplayableError,
  historyLineOf,
  historyLinesOf,
  NOT_REPLAYED,
} from './history-line.js';
import {
  ACTIVITY,
  CARER,
  DECISION,
  MEMBER,
  ORGANISATION,
  PROJECT,
  SAMPLES,
  SEALED,
} from './testing/history-samples.js';

const schema = buildSchema(readFileSync(new URL('../../../../../schema.gql', import.meta.url), 'utf8'));
const mutations = schema.getMutationType()!.getFields();

const SCHEMA_VERSIONS: Record<string, number | undefined> = Object.assign(
  {},
  ...[
    activityAggregate,
    decisionAggregate,
    evidenceAggregate,
    informationChannelAggregate,
    surveyInstrumentAggregate,
  ].map((aggregate) => aggregate.schemaVersions ?? {}),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OCCURRED_AT = new Date('2025-03-11T15:00:00.000Z');
const RECORDED_AT = new Date('2025-09-01T08:30:00.000Z');

let sequence = 0;
function recorded(
  type: string,
  data: object,
  options: {
    schemaVersion?: number;
    metadata?: Partial<EventMetadata>;
    streamId?: string;
    revision?: bigint;
    id?: string;
  } = {},
): RecordedEvent {
  sequence += 1;
  return {
    id: options.id ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: options.schemaVersion ?? SCHEMA_VERSIONS[type] ?? 1,
    data: data as RecordedEvent['data'],
    occurredAt: OCCURRED_AT,
    recordedAt: RECORDED_AT,
    streamId: options.streamId ?? `stream-${type}`,
    revision: options.revision ?? 0n,
    position: { commit: BigInt(sequence), prepare: BigInt(sequence) },
    metadata: {
      actor: { id: 'researcher-1', role: 'researcher' },
      correlationId: 'a1b2c3d4-0000-4000-8000-000000000001',
      commandId: 'c0ffee00-0000-4000-8000-000000000001',
      ...options.metadata,
    },
  };
}

const sampleOf = (type: PlatformEventType, options?: Parameters<typeof recorded>[2]) =>
  recorded(type, SAMPLES[type], options);

/** The mutation's single `input` argument, or a failure naming what is wrong. */
function inputArgument(mutation: string): GraphQLArgument {
  const field = mutations[mutation];
  if (!field) throw new Error(`schema.gql has no mutation ${mutation}`);
  expect(getNamedType(field.type).name).toBe('MutationResult');
  expect(field.args.map((arg) => arg.name)).toEqual(['input']);
  return field.args[0]!;
}

/** The errors GraphQL reports for these JSON variables against the input type: none when the import accepts them. */
function coercionErrors(input: unknown, type: GraphQLInputType): string[] {
  const errors: string[] = [];
  coerceInputValue(input, type, (path, _value, error) => errors.push(`${path.join('.')}: ${error.message}`));
  return errors;
}

const REPLAYED_TYPES = PLATFORM_EVENT_TYPES.filter((type) => !('notReplayed' in HISTORY_TABLE[type]));

describe('historyLineOf', () => {
  it('maps every event type of the domain, and nothing else', () => {
    expect(Object.keys(HISTORY_TABLE).sort()).toEqual([...PLATFORM_EVENT_TYPES].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...PLATFORM_EVENT_TYPES].sort());
  });

  it('leaves out exactly the NOT_REPLAYED types, each with its reason', () => {
    const notReplayed = PLATFORM_EVENT_TYPES.filter((type) => 'notReplayed' in HISTORY_TABLE[type]);
    expect(notReplayed.sort()).toEqual(Object.keys(NOT_REPLAYED).sort());
    for (const type of notReplayed) {
      expect(HISTORY_TABLE[type]).toEqual({ notReplayed: NOT_REPLAYED[type as keyof typeof NOT_REPLAYED] });
      expect(historyLineOf(sampleOf(type))).toBeNull();
    }
  });

  it('uses every mutation an import may run (those answering MutationResult, but updateCarerPersonalData)', () => {
    const importable = Object.values(mutations)
      .filter((field) => getNamedType(field.type).name === 'MutationResult')
      .map((field) => field.name)
      .filter((name) => name !== 'updateCarerPersonalData');
    const used = new Set(REPLAYED_TYPES.map((type) => (HISTORY_TABLE[type] as { mutation: string }).mutation));
    expect([...used].sort()).toEqual(importable.sort());
  });

  it('checks inputs as the import does: an unknown field or enum value is an error', () => {
    const type = inputArgument('cancelActivity').type;
    const line = historyLineOf(sampleOf('ActivityCancelled'))!;
    expect(coercionErrors({ ...line.input, decidedByRole: 'unknown' }, type)).toHaveLength(1);
    expect(coercionErrors({ ...line.input, projectId: PROJECT }, type)).toHaveLength(1);
  });

  it.each(REPLAYED_TYPES)('turns %s into a line its mutation accepts, with its ids, date and command id', (type) => {
    const event = sampleOf(type);
    const line = historyLineOf(event)!;
    const argument = inputArgument(line.mutation);
    expect(coercionErrors(line.input, argument.type)).toEqual([]);
    // A line is JSON as it stands: no Date, no undefined, no null (an optional field is left out).
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);
    expect(JSON.stringify(line.input)).not.toContain('null');

    expect(line.input.occurredAt).toBe('2025-03-11T15:00:00.000Z');
    expect(line.input.commandId).toBe('c0ffee00-0000-4000-8000-000000000001');
    // Every id of the event the input has a field for is passed, so the target gets the same ids.
    const inputType = getNamedType(argument.type);
    if (!isInputObjectType(inputType)) throw new Error(`${line.mutation}'s input is no input object`);
    const fields = inputType.getFields();
    for (const [key, value] of Object.entries(SAMPLES[type])) {
      if (key.endsWith('Id') && typeof value === 'string' && key in fields) expect(line.input[key]).toBe(value);
    }
  });

  it('keeps when a record was first known: metadata.knownSince, else when the store accepted it', () => {
    const migrated = sampleOf('ActivityHeld', { metadata: { knownSince: '2025-04-01T00:00:00.000Z' } });
    expect(historyLineOf(migrated)!.knownSince).toBe('2025-04-01T00:00:00.000Z');
    expect(historyLineOf(sampleOf('ActivityHeld'))!.knownSince).toBe('2025-09-01T08:30:00.000Z');
  });

  it('gives an event recorded without a command id one of its own, the same at every export', () => {
    const event = sampleOf('SuggestionMade', { metadata: { commandId: undefined } });
    const first = historyLineOf(event)!.input.commandId;
    expect(first).toMatch(UUID);
    expect(historyLineOf(event)!.input.commandId).toBe(first);
    const other = sampleOf('SuggestionMade', { metadata: { commandId: undefined } });
    expect(historyLineOf(other)!.input.commandId).not.toBe(first);
  });

  it('registers a carer by pseudonym only: the sealed identity never reaches the line', () => {
    const line = historyLineOf(sampleOf('CarerRegistered'))!;
    expect(line.mutation).toBe('registerCarer');
    expect(line.input).not.toHaveProperty('personalData');
    const text = JSON.stringify(line);
    for (const sealed of Object.values(SEALED)) expect(text).not.toContain(sealed);
    expect(line.input).toMatchObject({ carerId: CARER, pseudonym: 'Carer 8', projectId: PROJECT });
  });

  it('says which input values decide what the target records', () => {
    const workshop = historyLineOf(sampleOf('WorkshopRecorded'))!.input;
    expect(workshop).toMatchObject({ audioRecorded: true, audioConsentOfAll: true });
    const response = historyLineOf(sampleOf('InstrumentResponseRecorded'))!.input;
    expect(response).toMatchObject({ memberId: MEMBER });
    expect(response).not.toHaveProperty('carerId');
    expect(historyLineOf(sampleOf('ChannelReadingRecorded'))!.input).toMatchObject({
      readingKind: 'running_total',
      likes: 120,
      shares: 4,
    });
  });
});

describe('historyLineOf on events stored at older schema versions', () => {
  it('maps a DecisionTaken v2 (one activityId) as the activities of v3', () => {
    const { activityIds: _current, carerInvolvement: _level, ...v1 } = SAMPLES.DecisionTaken;
    const v2 = recorded(
      'DecisionTaken',
      { ...v1, carerInvolvement: 'co_decided', activityId: ACTIVITY },
      {
        schemaVersion: 2,
      },
    );
    const line = historyLineOf(v2)!;
    expect(line.mutation).toBe('takeDecision');
    expect(line.input).toMatchObject({ decisionId: DECISION, activityIds: [ACTIVITY], carerInvolvement: 'co_decided' });
    expect(line.input).not.toHaveProperty('activityId');
    expect(coercionErrors(line.input, inputArgument('takeDecision').type)).toEqual([]);
  });

  it('maps a DecisionTaken v1 with what v1 says: carers not consulted were informed, no activity', () => {
    const { activityIds: _current, carerInvolvement: _level, ...v1 } = SAMPLES.DecisionTaken;
    const line = historyLineOf(recorded('DecisionTaken', { ...v1, carersConsulted: false }, { schemaVersion: 1 }))!;
    expect(line.input).toMatchObject({ carersConsulted: false, carerInvolvement: 'informed', activityIds: [] });
    expect(coercionErrors(line.input, inputArgument('takeDecision').type)).toEqual([]);
  });

  it('refuses an ActivityCancelled v1: who decided was never recorded, and cancelActivity cannot say unknown', () => {
    const v1 = recorded(
      'ActivityCancelled',
      { activityId: ACTIVITY, projectId: PROJECT, reason: 'Expected low turnout' },
      { schemaVersion: 1 },
    );
    expect(() => historyLineOf(v1)).toThrow(HistoryNotReplayableError);
    expect(() => historyLineOf(v1)).toThrow(expect.objectContaining({ field: 'decidedByRole', eventId: v1.id }));
  });

  it('refuses an event type the domain does not know', () => {
    expect(() => historyLineOf(recorded('SomethingHappened', {}))).toThrow(HistoryNotReplayableError);
  });
});

describe('historyLinesOf', () => {
  const MEMBERS = ['0b7c6e39-4f43-4e0b-9d43-8d7b3b0a6b01', '0b7c6e39-4f43-4e0b-9d43-8d7b3b0a6b02'];
  const OTHER_ORGANISATION = '0b7c6e39-4f43-4e0b-9d43-8d7b3b0a6b03';
  const context = { now: new Date('2025-06-01T00:00:00.000Z'), occurredAt: new Date('2025-05-01T00:00:00.000Z') };

  /** Runs the partnership's commands through its decider and stores each command's events as one append. */
  function partnershipLog(commands: readonly PartnershipCommand[]): RecordedEvent[] {
    const history: PartnershipEvent[] = [];
    const log: RecordedEvent[] = [];
    commands.forEach((command, index) => {
      const events = partnershipDecider.decide(command, fold(partnershipDecider, history), context);
      for (const event of events) {
        log.push(
          recorded(event.type, event.data, {
            streamId: `partnership-${PROJECT}`,
            revision: BigInt(history.length),
            metadata: { commandId: `c0ffee00-0000-4000-8000-${String(index).padStart(12, '0')}` },
          }),
        );
        history.push(event);
      }
    });
    return log;
  }

  const join = (organisationId: string): PartnershipCommand => ({
    type: 'JoinPartnership',
    data: { projectId: PROJECT, organisationId, partnerRole: 'service_provider' },
  });
  const addMember = (organisationId: string, memberId: string): PartnershipCommand => ({
    type: 'AddPartnerMember',
    data: { projectId: PROJECT, organisationId, memberId, memberRole: 'facilitator' },
  });

  it("leaves out the members' removals leavePartnership records: its own line removes them again", () => {
    const log = partnershipLog([
      join(ORGANISATION),
      join(OTHER_ORGANISATION),
      addMember(ORGANISATION, MEMBERS[0]!),
      addMember(ORGANISATION, MEMBERS[1]!),
      { type: 'LeavePartnership', data: { projectId: PROJECT, organisationId: ORGANISATION, reason: 'Funding ended' } },
    ]);
    expect(log.map((event) => event.type).slice(-3)).toEqual([
      'PartnerMemberRemoved',
      'PartnerMemberRemoved',
      'OrganisationLeftPartnership',
    ]);
    const lines = historyLinesOf(log);
    expect(lines.map((line) => line.mutation)).toEqual([
      'joinPartnership',
      'joinPartnership',
      'addPartnerMember',
      'addPartnerMember',
      'leavePartnership',
    ]);
    // One line per command: no command id is sent twice (an import would refuse it as reused).
    expect(new Set(lines.map((line) => line.input.commandId)).size).toBe(lines.length);
  });

  it('keeps a member removed on their own as removePartnerMember', () => {
    const log = partnershipLog([
      join(ORGANISATION),
      addMember(ORGANISATION, MEMBERS[0]!),
      { type: 'RemovePartnerMember', data: { projectId: PROJECT, memberId: MEMBERS[0]! } },
      { type: 'LeavePartnership', data: { projectId: PROJECT, organisationId: ORGANISATION, reason: null } },
    ]);
    expect(historyLinesOf(log).map((line) => line.mutation)).toEqual([
      'joinPartnership',
      'addPartnerMember',
      'removePartnerMember',
      'leavePartnership',
    ]);
  });

  it('skips the events an import may not replay', () => {
    const lines = historyLinesOf([sampleOf('CarerRegistered'), sampleOf('CarerPersonalDataUpdated')]);
    expect(lines.map((line) => line.mutation)).toEqual(['registerCarer']);
  });
});
