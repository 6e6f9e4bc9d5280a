import { DEV_ACTOR } from './support/project.js';
import { ADMIN, bearer } from './support/auth.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { launchProject, participatingCarer, trainingCourse } from './support/project.js';
import { suiteApi } from './support/suite-api.js';
import { eventStoreStatus, writingMutation, type Written } from './support/commands.js';

const ACTOR = DEV_ACTOR;

const REGISTER_INSTRUMENT = writingMutation('registerSurveyInstrument');
const RETIRE_INSTRUMENT = writingMutation('retireSurveyInstrument');
const SCHEDULE = writingMutation('scheduleActivity');
const RESCHEDULE = writingMutation('rescheduleActivity');
const CANCEL = writingMutation('cancelActivity');
const CONTEST = writingMutation('contestActivityCancellation');
const HOLD = writingMutation('holdActivity');
const REGISTER_CARER = writingMutation('registerCarerForActivity');
const ATTENDANCE = writingMutation('recordCarerAttendance');
const QUIZ = writingMutation('recordUnderstandingQuiz');
const SATISFACTION = writingMutation('recordSatisfactionResponse');
const GIVE_CONSENT = writingMutation('giveCarerConsent');
const WITHDRAW_CONSENT = writingMutation('withdrawCarerConsent');

function instrumentInput(overrides: Record<string, unknown> = {}) {
  return {
    instrumentId: `peer-satisfaction-${randomUUID()}`,
    name: 'Peer meeting satisfaction',
    measures: 'satisfaction',
    itemCount: 3,
    scale: {
      minimum: 1,
      maximum: 4,
      labels: [
        { value: 4, label: 'completely satisfied' },
        { value: 3, label: 'satisfied' },
      ],
    },
    ...overrides,
  };
}

function scheduleInput(overrides: Record<string, unknown> = {}) {
  return { ...trainingCourse(PROJECT_ID), ...overrides };
}

const PROJECT_ID = randomUUID();
let CARER = '';

describe('activity and survey-instrument commands over GraphQL', () => {
  const api = suiteApi('activity-e2e', {
    setUp: async (api) => {
      await launchProject(api, PROJECT_ID);
      CARER = await participatingCarer(api, PROJECT_ID, 'Carer 8');
    },
  });

  const status = () => eventStoreStatus(api);

  async function send(query: string, input: Record<string, unknown>) {
    const response = await api.graphql<Record<string, Written>>(query, { input }, ACTOR);
    const written = response.data ? Object.values(response.data)[0] : undefined;
    return { written: written ?? null, errors: response.errors };
  }

  async function ok(query: string, input: Record<string, unknown>) {
    const { written, errors } = await send(query, input);
    expect(errors).toBeUndefined();
    return written!;
  }

  /** Sends a command expected to fail, checks it wrote nothing, and returns the error's extensions. */
  async function refused(query: string, input: Record<string, unknown>) {
    const before = await status();
    const { written, errors } = await send(query, input);
    expect(written).toBeNull();
    expect(await status()).toEqual(before);
    return errors?.[0]?.extensions;
  }

  async function heldActivity(kind = 'peer_meeting') {
    const { id } = await ok(SCHEDULE, scheduleInput({ kind }));
    await ok(HOLD, {
      activityId: id,
      startedAt: '2025-03-01T15:10:00.000Z',
      durationMinutes: 90,
      audioRecorded: false,
    });
    return id;
  }

  describe('survey instruments', () => {
    it('registers an instrument and retires it', async () => {
      const input = instrumentInput();
      const registered = await ok(REGISTER_INSTRUMENT, input);
      expect(registered).toMatchObject({
        id: input.instrumentId,
        streamId: `survey-instrument-${input.instrumentId}`,
        revision: 0,
        replayed: false,
      });
      expect(registered.eventIds).toHaveLength(1);
      expect((await status()).lastPosition).toBe(registered.position);

      const retired = await ok(RETIRE_INSTRUMENT, {
        instrumentId: input.instrumentId,
        reason: 'replaced by a 5-point scale',
      });
      expect(retired).toMatchObject({ streamId: registered.streamId, revision: 1 });
    });

    it('derives the instrument id from the command id and replays a retried command', async () => {
      const commandId = randomUUID();
      const { instrumentId: _omitted, ...input } = instrumentInput();
      const first = await ok(REGISTER_INSTRUMENT, { ...input, commandId });
      expect(first.streamId).toBe(`survey-instrument-${first.id}`);
      const before = await status();
      const retry = await ok(REGISTER_INSTRUMENT, { ...input, commandId });
      expect(retry).toEqual({ ...first, replayed: true });
      expect(await status()).toEqual(before);
    });

    it.each([
      ['no items', { itemCount: 0 }],
      ['an unknown measure', { measures: 'trust' }],
      ['a scale maximum above 100', { scale: { minimum: 1, maximum: 101 } }],
      ['a label without text', { scale: { minimum: 1, maximum: 4, labels: [{ value: 4, label: '' }] } }],
      ['an unknown field', { colour: 'blue' }],
    ])('refuses an instrument with %s as BAD_USER_INPUT and writes nothing', async (_title, overrides) => {
      const extensions = await refused(REGISTER_INSTRUMENT, instrumentInput(overrides));
      expect(extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a scale whose maximum is not above its minimum with the domain reason', async () => {
      const extensions = await refused(REGISTER_INSTRUMENT, instrumentInput({ scale: { minimum: 3, maximum: 3 } }));
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' });
    });

    it('refuses to register twice or retire twice, and an unknown instrument', async () => {
      const input = instrumentInput();
      await ok(REGISTER_INSTRUMENT, input);
      expect(await refused(REGISTER_INSTRUMENT, input)).toMatchObject({
        code: 'CONFLICT',
        reason: 'SURVEY_INSTRUMENT_ALREADY_REGISTERED',
      });
      await ok(RETIRE_INSTRUMENT, { instrumentId: input.instrumentId, reason: 'unused' });
      expect(await refused(RETIRE_INSTRUMENT, { instrumentId: input.instrumentId, reason: 'again' })).toMatchObject({
        code: 'CONFLICT',
        reason: 'SURVEY_INSTRUMENT_ALREADY_RETIRED',
      });
      expect(await refused(RETIRE_INSTRUMENT, { instrumentId: 'never-registered', reason: 'x' })).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'SURVEY_INSTRUMENT_NOT_FOUND',
      });
    });
  });

  describe('activities', () => {
    it('schedules, reschedules, registers a carer, holds the activity and records attendance and a quiz', async () => {
      const scheduled = await ok(SCHEDULE, scheduleInput());
      expect(scheduled.streamId).toBe(`activity-${scheduled.id}`);
      expect(scheduled.revision).toBe(0);
      expect(scheduled.eventIds).toHaveLength(1);
      const activityId = scheduled.id;

      const moved = await ok(RESCHEDULE, {
        activityId,
        scheduledFor: '2025-03-08T15:00:00.000Z',
        reason: 'the room is being painted',
      });
      expect(moved).toMatchObject({ id: activityId, streamId: scheduled.streamId, revision: 1 });
      expect((await ok(REGISTER_CARER, { activityId, carerId: CARER })).revision).toBe(2);
      expect(
        (await ok(QUIZ, { activityId, carerId: CARER, phase: 'before', questionsAsked: 3, correctAnswers: 1 }))
          .revision,
      ).toBe(3);
      const held = await ok(HOLD, {
        activityId,
        startedAt: '2025-03-08T15:10:00.000Z',
        durationMinutes: 90,
        audioRecorded: false,
      });
      expect(held.revision).toBe(4);
      const attended = await ok(ATTENDANCE, { activityId, carerId: CARER });
      expect(attended).toMatchObject({ streamId: scheduled.streamId, revision: 5 });
      expect((await status()).lastPosition).toBe(attended.position);
    });

    it('lets a carer enter their own quiz answers with their consent, as on a tablet at the session, never another carer’s', async () => {
      const other = await participatingCarer(api, PROJECT_ID, 'Carer 9');
      const { id: activityId } = await ok(SCHEDULE, scheduleInput());
      await ok(REGISTER_CARER, { activityId, carerId: CARER });
      const carer = bearer({ id: CARER, role: 'carer' });
      const asCarer = async (query: string, input: Record<string, unknown>) => {
        const before = await status();
        const response = await api.graphql<Record<string, Written>>(query, { input }, carer);
        if (response.errors) expect(await status()).toEqual(before);
        return response;
      };
      const quiz = { activityId, carerId: CARER, phase: 'before', questionsAsked: 3, correctAnswers: 2 };

      // Not before consenting to the processing of their data.
      const early = await asCarer(QUIZ, quiz);
      expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_ENTRY_WITHOUT_CONSENT' });
      expect((await asCarer(GIVE_CONSENT, { carerId: CARER, kind: 'data_processing' })).errors).toBeUndefined();
      const own = await asCarer(QUIZ, quiz);
      expect(own.errors).toBeUndefined();
      expect(own.data!.recordUnderstandingQuiz!.streamId).toBe(`activity-${activityId}`);

      // Never another carer's answers, nor anonymous ones.
      const others = await asCarer(QUIZ, { ...quiz, carerId: other, phase: 'after' });
      expect(others.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CARER_RECORD' });
      const anonymous = await asCarer(SATISFACTION, { activityId, instrumentId: 'any', answers: [4, 4, 4] });
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_CARER_RECORD' });

      // A consent withdrawn counts at once.
      expect((await asCarer(WITHDRAW_CONSENT, { carerId: CARER, kind: 'data_processing' })).errors).toBeUndefined();
      const late = await asCarer(QUIZ, { ...quiz, phase: 'after' });
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_ENTRY_WITHOUT_CONSENT' });
    });

    it('cancels a scheduled activity, recording who decided and whether carers were consulted', async () => {
      const { id, streamId } = await ok(SCHEDULE, scheduleInput({ kind: 'peer_meeting' }));
      const cancelled = await ok(CANCEL, {
        activityId: id,
        reason: 'expected_low_turnout',
        decidedByOrganisationId: 'org-home-care',
        decidedByRole: 'provider',
        carersConsulted: false,
      });
      expect(cancelled).toMatchObject({ streamId, revision: 1 });
      expect(
        await refused(HOLD, { activityId: id, startedAt: '2025-03-01T15:10:00.000Z', audioRecorded: false }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'ACTIVITY_CANCELLED' });
    });

    it('records carers contesting a cancellation, which moves the engagement indicator of a framework that follows it', async () => {
      const { id } = await ok(SCHEDULE, scheduleInput({ kind: 'peer_meeting' }));
      const contest = {
        activityId: id,
        contestedByRole: 'carer',
        contestedByCarerId: null,
        grounds: 'Nobody asked us',
      };
      expect(await refused(CONTEST, contest)).toMatchObject({ code: 'CONFLICT', reason: 'ACTIVITY_NOT_CANCELLED' });
      await ok(CANCEL, {
        activityId: id,
        reason: 'low_registrations',
        decidedByOrganisationId: 'org-home-care',
        decidedByRole: 'provider',
        carersConsulted: false,
        occurredAt: '2025-02-20T10:00:00.000Z',
      });
      expect(
        await refused(CONTEST, { ...contest, contestedByRole: 'provider', contestedByCarerId: 'carer-9' }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CARER_ID_WITHOUT_CARER_ROLE' });
      const contested = await ok(CONTEST, { ...contest, occurredAt: '2025-02-22T10:00:00.000Z' });

      // The default framework, plus the indicator: how a territory takes it up.
      const defaults = await api.graphql<{
        signalFramework: { definition: { signals: { engagement: { indicators: object[] } } } };
      }>('{ signalFramework(id: "default", version: 1) { definition } }', undefined, ADMIN);
      const base = defaults.data!.signalFramework.definition;
      const framework = { id: `contested-${randomUUID().slice(0, 8)}`, version: 1 };
      const definition = {
        ...base,
        signals: {
          ...base.signals,
          engagement: {
            ...base.signals.engagement,
            indicators: [...base.signals.engagement.indicators, { key: 'cancellationsUncontested', weight: 1 }],
          },
        },
      };
      const registered = await api.graphql(
        'mutation R($input: RegisterSignalFrameworkInput!) { registerSignalFramework(input: $input) { created } }',
        { input: { frameworkId: framework.id, version: framework.version, definition } },
        ADMIN,
      );
      expect(registered.errors).toBeUndefined();

      const signals = async (asOf: string | null) => {
        const response = await api.graphql<{
          signals: { engagement: { breakdown: { key: string; numerator: number; denominator: number }[] } };
        }>(
          `query S($scope: SignalScopeInput!, $window: SignalWindowInput, $framework: SignalFrameworkRefInput,
                   $asOf: DateTime, $atLeastPosition: String) {
             signals(scope: $scope, window: $window, framework: $framework, asOf: $asOf, atLeastPosition: $atLeastPosition) {
               engagement { breakdown { key numerator denominator } }
             }
           }`,
          {
            scope: { projectId: PROJECT_ID },
            window: { from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' },
            framework,
            asOf,
            atLeastPosition: contested.position,
          },
          ADMIN,
        );
        expect(response.errors).toBeUndefined();
        return response.data!.signals.engagement.breakdown.find((i) => i.key === 'cancellationsUncontested');
      };
      // February holds one cancellation, contested by carers on the 22nd: 0 of 1 uncontested.
      expect(await signals(null)).toEqual({ key: 'cancellationsUncontested', numerator: 0, denominator: 1 });
      // As of the 21st it was not contested yet.
      expect(await signals('2025-02-21T00:00:00.000Z')).toEqual({
        key: 'cancellationsUncontested',
        numerator: 1,
        denominator: 1,
      });
    });

    it.each([
      ['an unknown kind', scheduleInput({ kind: 'picnic' })],
      ['a topic that is too long', scheduleInput({ topic: 'x'.repeat(201) })],
      ['a project id that is not a UUID', scheduleInput({ projectId: 'valley' })],
      ['a malformed date', scheduleInput({ scheduledFor: 'next Tuesday' })],
      ['a missing place', (({ place: _p, ...rest }) => rest)(scheduleInput())],
      ['an occurredAt in the future', scheduleInput({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() })],
    ])('refuses to schedule with %s as BAD_USER_INPUT and writes nothing', async (_title, input) => {
      expect((await refused(SCHEDULE, input))?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a cancellation for "other" without a note, with the domain reason', async () => {
      const { id } = await ok(SCHEDULE, scheduleInput());
      const extensions = await refused(CANCEL, {
        activityId: id,
        reason: 'other',
        decidedByRole: 'committee',
        carersConsulted: true,
      });
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTE_REQUIRED' });
    });

    it('refuses to audio-record a training course and to act on an unknown activity', async () => {
      const { id } = await ok(SCHEDULE, scheduleInput());
      expect(
        await refused(HOLD, { activityId: id, startedAt: '2025-03-01T15:10:00.000Z', audioRecorded: true }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'AUDIO_RECORDING_ONLY_FOR_WORKSHOPS' });
      expect(await refused(REGISTER_CARER, { activityId: randomUUID(), carerId: 'carer-1' })).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ACTIVITY_NOT_FOUND',
      });
    });
  });

  describe('satisfaction responses', () => {
    it('records a response against the scale and items of a registered instrument', async () => {
      const instrument = instrumentInput();
      await ok(REGISTER_INSTRUMENT, instrument);
      const activityId = await heldActivity();
      const answered = await ok(SATISFACTION, {
        activityId,
        carerId: CARER,
        instrumentId: instrument.instrumentId,
        answers: [4, 3, 4],
      });
      expect(answered).toMatchObject({ id: activityId, streamId: `activity-${activityId}`, revision: 2 });
      const anonymous = await ok(SATISFACTION, {
        activityId,
        instrumentId: instrument.instrumentId,
        answers: [2, 3, 1],
      });
      expect(anonymous.revision).toBe(3);
      expect(
        await refused(SATISFACTION, {
          activityId,
          carerId: CARER,
          instrumentId: instrument.instrumentId,
          answers: [4, 4, 4],
        }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_ALREADY_ANSWERED' });
    });

    it('refuses answers off the scale or of the wrong number, with the domain reason', async () => {
      const instrument = instrumentInput();
      await ok(REGISTER_INSTRUMENT, instrument);
      const activityId = await heldActivity();
      const base = { activityId, instrumentId: instrument.instrumentId };
      expect(await refused(SATISFACTION, { ...base, answers: [4, 5, 4] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ANSWER_OUT_OF_SCALE',
      });
      expect(await refused(SATISFACTION, { ...base, answers: [4, 4] })).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ANSWER_COUNT_MISMATCH',
      });
      expect((await refused(SATISFACTION, { ...base, answers: [] }))?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an unknown or a retired instrument, writing nothing', async () => {
      const activityId = await heldActivity();
      expect(
        await refused(SATISFACTION, { activityId, instrumentId: 'never-registered', answers: [4, 4, 4] }),
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_INSTRUMENT_NOT_FOUND' });

      const instrument = instrumentInput();
      await ok(REGISTER_INSTRUMENT, instrument);
      await ok(RETIRE_INSTRUMENT, { instrumentId: instrument.instrumentId, reason: 'replaced' });
      expect(
        await refused(SATISFACTION, { activityId, instrumentId: instrument.instrumentId, answers: [4, 4, 4] }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_INSTRUMENT_RETIRED' });
    });

    it('refuses a response to an activity not held yet', async () => {
      const instrument = instrumentInput();
      await ok(REGISTER_INSTRUMENT, instrument);
      const { id } = await ok(SCHEDULE, scheduleInput({ kind: 'peer_meeting' }));
      expect(
        await refused(SATISFACTION, { activityId: id, instrumentId: instrument.instrumentId, answers: [4, 4, 4] }),
      ).toMatchObject({ code: 'CONFLICT', reason: 'ACTIVITY_NOT_HELD' });
    });
  });
});
