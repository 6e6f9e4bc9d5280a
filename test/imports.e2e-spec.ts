import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import { ADMIN, as, COORDINATOR } from './support/auth.js';
import { eventStoreStatus } from './support/commands.js';
import { suiteApi } from './support/suite-api.js';

interface LineResult {
  line: number;
  status: 'applied' | 'replayed' | 'refused' | 'valid';
  code?: string;
  message?: string;
  position?: string;
}

interface Summary {
  lines: number;
  applied: number;
  replayed: number;
  refused: number;
  valid: number;
  dryRun: boolean;
}

type Line = { mutation: string; input: Record<string, unknown>; knownSince?: string } | string;

/**
 * A pilot kept in spreadsheets, as the commands of an import: the project, a carer (with her
 * name, sealed by the key vault), a training course scheduled, her registration, the course held
 * and her attendance, each with its own command id and the day it happened.
 */
function pilot(projectId = randomUUID()) {
  const carerId = randomUUID();
  const activityId = randomUUID();
  const command = (mutation: string, input: Record<string, unknown>, occurredAt: string): Line => ({
    mutation,
    input: { ...input, commandId: randomUUID(), occurredAt },
  });
  const lines: Line[] = [
    command('launchProject', valleyPilot(projectId), '2025-01-01T09:00:00Z'),
    command(
      'registerCarer',
      {
        carerId,
        projectId,
        pseudonym: 'Carer 1',
        registeredByOrganisationId: 'org-home-care',
        gender: 'female',
        ageBand: 'aged_65_74',
        stressLevel: 'high',
        relationship: 'spouse',
        personalData: { fullName: 'Ann Example', phone: '+44 1632 960000' },
      },
      '2025-01-05T09:00:00Z',
    ),
    command(
      'scheduleActivity',
      {
        activityId,
        projectId,
        kind: 'training_course',
        topic: 'Moving a bedridden person safely',
        scheduledFor: '2025-03-01T15:00:00Z',
        place: 'Town hall',
        organisingOrganisationId: 'org-home-care',
      },
      '2025-02-01T09:00:00Z',
    ),
    command('registerCarerForActivity', { activityId, carerId }, '2025-02-10T09:00:00Z'),
    command(
      'holdActivity',
      { activityId, startedAt: '2025-03-01T15:00:00Z', durationMinutes: 90, audioRecorded: false },
      '2025-03-01T17:00:00Z',
    ),
    command('recordCarerAttendance', { activityId, carerId }, '2025-03-01T17:00:00Z'),
  ];
  return { projectId, carerId, activityId, lines };
}

const ndjson = (lines: readonly Line[]) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

describe('POST /imports: existing records through the mutations', () => {
  const api = suiteApi('imports');
  const base = () => api.url.replace(/\/graphql$/, '');

  async function post(lines: readonly Line[], query = '', headers: Record<string, string> = COORDINATOR) {
    const response = await fetch(`${base()}/imports${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...headers },
      body: ndjson(lines),
    });
    const text = await response.text();
    if (!response.headers.get('content-type')?.startsWith('application/x-ndjson'))
      return { status: response.status, error: (JSON.parse(text) as { error: Record<string, string> }).error };
    const parsed = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LineResult | { summary: Summary });
    const results = parsed.filter((entry): entry is LineResult => 'line' in entry);
    const last = parsed[parsed.length - 1] as { summary: Summary };
    return { status: response.status, results, summary: last.summary };
  }

  const statuses = (results: readonly LineResult[] | undefined) =>
    (results ?? []).map((r) => (r.status === 'refused' ? `${r.line} ${r.code}` : `${r.line} ${r.status}`));

  it('a dry run reports every refusal by its line and writes nothing; the real run then applies the rest', async () => {
    const { lines } = pilot();
    const withMistakes: Line[] = [
      ...lines.slice(0, 3),
      '{"mutation": "scheduleActivity", ',
      { mutation: 'recordAttendance', input: {} },
      { mutation: 'rebuildProjection', input: {} },
      ...lines.slice(3),
      // A carer nobody registered: the resolver's cross-aggregate check refuses it.
      {
        mutation: 'recordCarerAttendance',
        input: { ...(lines[5] as { input: object }).input, carerId: randomUUID(), commandId: randomUUID() },
      },
      { mutation: 'scheduleActivity', input: { projectId: randomUUID(), kind: 'dance' } },
    ];
    const before = await eventStoreStatus(api);

    const dryRun = await post(withMistakes, '?dryRun=true');

    expect(dryRun.status).toBe(200);
    expect(statuses(dryRun.results)).toEqual([
      '1 valid',
      '2 valid',
      '3 valid',
      '4 LINE_NOT_JSON',
      '5 MUTATION_UNKNOWN',
      '6 MUTATION_NOT_IMPORTABLE',
      // Decided on the lines before it, as the real run will: the activity exists, the carer too.
      '7 valid',
      '8 valid',
      '9 valid',
      '10 CARER_NOT_FOUND',
      '11 BAD_USER_INPUT',
    ]);
    expect(dryRun.results![9]!.message).toContain('is not registered');
    expect(dryRun.summary).toEqual({ lines: 11, applied: 0, replayed: 0, refused: 5, valid: 6, dryRun: true });
    expect(await eventStoreStatus(api)).toEqual(before);

    // Nothing of the dry run was kept, its command results included: every line is applied now.
    const run = await post(withMistakes);
    expect(statuses(run.results)).toEqual(
      statuses(dryRun.results).map((status) => status.replace(' valid', ' applied')),
    );
    expect(run.results!.filter((r) => r.status === 'applied').every((r) => /^\d+-\d+$/.test(r.position!))).toBe(true);
    expect(run.summary).toEqual({ lines: 11, applied: 6, replayed: 0, refused: 5, valid: 0, dryRun: false });
  });

  it('applies as the caller: the operation policy and project membership judge each line', async () => {
    const { lines } = pilot();
    expect((await post(lines.slice(0, 1))).summary).toMatchObject({ applied: 1 });
    const researcher = await post(lines.slice(1), '', as('r-1;researcher;org-uni'));
    // Not a role that registers carers; not a member of the project the home-care provider launched.
    expect(statuses(researcher.results).slice(0, 2)).toEqual(['1 ROLE_NOT_ALLOWED', '2 NOT_A_PROJECT_MEMBER']);
    expect(researcher.summary).toMatchObject({ applied: 0, refused: 5 });
    expect(await post(lines, '', {})).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
  });

  it('an interrupted import resumed with from completes, and running it again writes nothing', async () => {
    const { lines } = pilot();
    // The client goes away after the first result: the server stops before the next line it would run.
    const aborted = new AbortController();
    const response = await fetch(`${base()}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...COORDINATOR },
      body: ndjson(lines),
      signal: aborted.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    aborted.abort();
    const seen = JSON.parse(first.split('\n')[0]!) as LineResult;
    expect(seen).toMatchObject({ line: 1, status: 'applied' });

    const resumed = await post(lines, `?from=${seen.line + 1}`);
    expect(resumed.results!.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    // Whatever ran after the client left is recognised by its command id, never written twice.
    expect(resumed.summary).toMatchObject({ lines: 5, refused: 0 });
    expect(resumed.summary!.applied + resumed.summary!.replayed).toBe(5);

    const before = await eventStoreStatus(api);
    const again = await post(lines);
    expect(statuses(again.results)).toEqual(lines.map((_, i) => `${i + 1} replayed`));
    expect(again.summary).toMatchObject({ lines: 6, applied: 0, replayed: 6, refused: 0 });
    expect(await eventStoreStatus(api)).toEqual(before);
  });

  it("imports an erasure, and a dry run of one leaves the carer's key alone", async () => {
    const { lines, carerId } = pilot();
    const registered = await post(lines.slice(0, 2));
    expect(registered.summary).toMatchObject({ applied: 2 });
    const erasure: Line = {
      mutation: 'eraseCarer',
      input: { carerId, reason: 'Right to erasure request', commandId: randomUUID() },
    };
    const carer = async (position?: string) =>
      (
        await api.graphql<{ carer: { erased: boolean; personalData: { fullName: string } | null } }>(
          'query C($id: ID!, $p: String) { carer(id: $id, atLeastPosition: $p) { erased personalData { fullName } } }',
          { id: carerId, p: position },
          COORDINATOR,
        )
      ).data!.carer;

    expect(statuses((await post([erasure], '?dryRun=true', ADMIN)).results)).toEqual(['1 valid']);
    expect(await carer(registered.results!.at(-1)!.position)).toEqual({
      erased: false,
      personalData: { fullName: 'Ann Example' },
    });

    const erased = await post([erasure], '', ADMIN);
    expect(statuses(erased.results)).toEqual(['1 applied']);
    expect(await carer(erased.results![0]!.position)).toEqual({ erased: true, personalData: null });
  });

  it('refuses options it does not understand and a body sent as JSON, before any line runs', async () => {
    const { lines } = pilot();
    expect(await post(lines, '?from=0')).toMatchObject({
      status: 400,
      error: { code: 'BAD_USER_INPUT', reason: 'IMPORT_OPTION_INVALID' },
    });
    const asJson = await fetch(`${base()}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...COORDINATOR },
      body: JSON.stringify(lines[0]),
    });
    expect(asJson.status).toBe(415);
    expect(await asJson.json()).toMatchObject({ error: { reason: 'IMPORT_NOT_NDJSON' } });
  });

  describe('keepKnownSince: when migrated records were first known', () => {
    const decisionsConsulted = async (projectId: string, knownAt: string, atLeastPosition: string) => {
      const answer = await api.graphql<{
        signals: { engagement: { breakdown: { key: string; numerator: number; denominator: number }[] } };
      }>(
        `query S($scope: SignalScopeInput!, $window: SignalWindowInput, $knownAt: DateTime, $p: String) {
          signals(scope: $scope, window: $window, knownAt: $knownAt, atLeastPosition: $p) {
            engagement { breakdown { key numerator denominator } }
          }
        }`,
        {
          scope: { projectId },
          window: { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' },
          knownAt,
          p: atLeastPosition,
        },
        ADMIN,
      );
      expect(answer.errors).toBeUndefined();
      const indicator = answer.data!.signals.engagement.breakdown.find((i) => i.key === 'decisionsConsulted')!;
      return `${indicator.numerator}/${indicator.denominator}`;
    };

    it('is refused for other roles, and a line carrying it is refused without the option', async () => {
      const { lines } = pilot();
      const withKnownSince = [{ ...(lines[0] as object), knownSince: '2025-01-02T09:00:00Z' } as Line];
      expect(await post(withKnownSince, '?keepKnownSince=true')).toMatchObject({
        status: 403,
        error: { code: 'FORBIDDEN', reason: 'KNOWN_SINCE_ADMIN_ONLY' },
      });
      const dropped = await post(withKnownSince);
      expect(statuses(dropped.results)).toEqual(['1 KNOWN_SINCE_NOT_KEPT']);
    });

    it("is honoured for an admin: knownAt answers by when the record was first known, not by the import's day", async () => {
      const projectId = randomUUID();
      const decision = {
        projectId,
        description: 'Sessions move to Saturday mornings',
        affectsCarers: true,
        carersConsulted: true,
        decidedByRole: 'partnership',
      };
      const lines: Line[] = [
        {
          mutation: 'launchProject',
          input: { ...valleyPilot(projectId), commandId: randomUUID(), occurredAt: '2025-01-01T09:00:00Z' },
          knownSince: '2025-01-02T09:00:00Z',
        },
        {
          mutation: 'takeDecision',
          input: { ...decision, commandId: randomUUID(), occurredAt: '2025-02-03T10:00:00Z' },
          knownSince: '2025-02-10T10:00:00Z',
        },
        // Known before it happened: the executor refuses it, the other lines carry on.
        {
          mutation: 'takeDecision',
          input: { ...decision, commandId: randomUUID(), occurredAt: '2025-02-20T10:00:00Z' },
          knownSince: '2025-02-19T10:00:00Z',
        },
      ];

      const run = await post(lines, '?keepKnownSince=true', ADMIN);

      expect(statuses(run.results)).toEqual(['1 applied', '2 applied', '3 KNOWN_SINCE_OUT_OF_RANGE']);
      const position = run.results![1]!.position!;
      // Recorded today, known since 10 February 2025: on 5 February nobody knew of the decision, by the 15th they did.
      expect(await decisionsConsulted(projectId, '2025-02-05T00:00:00Z', position)).toBe('0/0');
      expect(await decisionsConsulted(projectId, '2025-02-15T00:00:00Z', position)).toBe('1/1');
    });

    it("is an admin's migration: carers' records replay by pseudonym, whoever made them; an ordinary import stays judged by the policy", async () => {
      const withoutIdentity = (line: Line): Line => {
        const { mutation, input } = line as { mutation: string; input: Record<string, unknown> };
        const { personalData: _identity, ...rest } = input;
        return { mutation, input: rest };
      };
      const ordinary = pilot();
      // Without keepKnownSince an admin imports what admins may do: providers register carers.
      const asAdmin = await post(ordinary.lines.map(withoutIdentity), '', ADMIN);
      expect(statuses(asAdmin.results)).toEqual([
        '1 applied',
        '2 ROLE_NOT_ALLOWED',
        '3 applied',
        '4 ROLE_NOT_ALLOWED',
        '5 applied',
        '6 CARER_NOT_FOUND',
      ]);

      const migrated = pilot();
      // A migration never carries identity: the registering provider enters it afterwards.
      const withIdentity = await post(migrated.lines, '?keepKnownSince=true&dryRun=true', ADMIN);
      expect(statuses(withIdentity.results)[1]).toBe('2 PERSONAL_DATA_IN_MIGRATION');
      const run = await post(migrated.lines.map(withoutIdentity), '?keepKnownSince=true', ADMIN);
      expect(statuses(run.results)).toEqual(migrated.lines.map((_, i) => `${i + 1} applied`));
      // Read once the directory includes the migration's last line (read-your-writes).
      const last = run.results!.at(-1)!.position!;
      const carer = await api.graphql<{ carer: { pseudonym: string; erased: boolean; hasPersonalData: boolean } }>(
        'query C($id: ID!, $p: String) { carer(id: $id, atLeastPosition: $p) { pseudonym erased hasPersonalData } }',
        { id: migrated.carerId, p: last },
        ADMIN,
      );
      expect(carer.data?.carer).toEqual({ pseudonym: 'Carer 1', erased: false, hasPersonalData: false });
    });
  });
});
