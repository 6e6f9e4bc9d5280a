import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { valleyPilot } from '#read-models/testing';
import { TEST_JWT_SECRET } from './support/auth.js';
import { runToExit } from './support/child-process.js';
import { suiteApi } from './support/suite-api.js';

const CLI = 'dist/apps/cli/src/main.js';

describe('npm run cli: the command line against a running platform', () => {
  const api = suiteApi('cli');
  const work = mkdtempSync(join(tmpdir(), 'cli-files-'));
  const file = (name: string) => join(work, name);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs the built command line as a user would, against the suite's API unless --url says otherwise. */
  async function cli(args: readonly string[], token?: string) {
    const base = api.url.replace(/\/graphql$/, '');
    // Every command that talks to the platform takes --url; token, seed and convert do not.
    const local = args.includes('--url') || ['token', 'seed'].includes(args[0]!) || args[1] === 'convert';
    const withUrl = local ? args : [...args, '--url', base];
    return runToExit(process.execPath, [CLI, ...withUrl], {
      PATH: process.env.PATH ?? '',
      // `cli token` signs with the secret the API verifies with.
      JWT_SECRET: TEST_JWT_SECRET,
      ...(token ? { PLATFORM_TOKEN: token } : {}),
    });
  }
  const json = <T>(stdout: string): T => JSON.parse(stdout.trimEnd().split('\n').pop()!) as T;
  const lastLine = (stdout: string) => stdout.trimEnd().split('\n').pop()!;

  let provider: string;
  let admin: string;
  const projectId = randomUUID();
  const activityId = randomUUID();
  const carers = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    const issued = await cli(['token', '--role', 'provider', '--org', 'org-home-care', '--sub', 'coordinator-1']);
    expect(issued.code).toBe(0);
    provider = lastLine(issued.stdout);
    admin = lastLine((await cli(['token', '--role', 'admin'])).stdout);
    // The pilot the tests work on: a project, two carers registered for a held training course.
    const command = (mutation: string, input: Record<string, unknown>, occurredAt: string) =>
      JSON.stringify({ mutation, input: { ...input, commandId: randomUUID(), occurredAt } });
    writeFileSync(
      file('pilot.ndjson'),
      [
        command('launchProject', valleyPilot(projectId), '2025-01-01T09:00:00Z'),
        ...carers.map((carerId, i) =>
          command(
            'registerCarer',
            {
              carerId,
              projectId,
              pseudonym: `Carer ${i + 1}`,
              registeredByOrganisationId: 'org-home-care',
              gender: 'female',
              ageBand: 'aged_65_74',
              stressLevel: 'high',
              relationship: 'spouse',
            },
            '2025-01-05T09:00:00Z',
          ),
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
        ...carers.map((carerId) =>
          command('registerCarerForActivity', { activityId, carerId }, '2025-02-10T09:00:00Z'),
        ),
        command(
          'holdActivity',
          { activityId, startedAt: '2025-03-01T15:00:00Z', durationMinutes: 90, audioRecorded: false },
          '2025-03-01T17:00:00Z',
        ),
      ].join('\n'),
    );
  });

  it('--help answers 0; an unknown command, a bad option or a missing token 2; an unreachable platform 1', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['export', 'import', 'projections', 'replay', 'token', 'seed'])
      expect(help.stdout).toContain(command);
    expect((await cli(['import', '--help'])).stdout).toContain('convert');
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['import', file('pilot.ndjson'), '--from', 'zero'], provider)).code).toBe(2);
    const tokenless = await cli(['import', file('pilot.ndjson')]);
    expect(tokenless.code).toBe(2);
    expect(tokenless.stderr).toContain('PLATFORM_TOKEN');
    const away = await cli(['projections', 'status', '--url', 'http://127.0.0.1:9'], admin);
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('Cannot reach the platform');
    // seed and token are the apps' own command lines, help included.
    const seedHelp = await cli(['seed', '--help']);
    expect(seedHelp.code).toBe(0);
    expect(seedHelp.stdout).toContain('--projects N');
    expect((await cli(['token', '--role', 'superuser'])).code).toBe(2);
  });

  it('import: a dry run, the run, a re-run; a CSV sheet converted and imported; refused lines exit 1', async () => {
    const dryRun = await cli(['import', file('pilot.ndjson'), '--dry-run', '--json'], provider);
    expect(dryRun.code).toBe(0);
    expect(json<{ summary: object }>(dryRun.stdout).summary).toMatchObject({ lines: 7, valid: 7, refused: 0 });

    const run = await cli(['import', file('pilot.ndjson')], provider);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 lines: 7 applied, 0 already recorded (replayed), 0 refused');

    writeFileSync(
      file('attendance.csv'),
      `activity_id,carer_id,present,occurred_at\n${activityId},${carers[0]},yes,2025-03-01T17:00:00Z\n${activityId},${carers[1]},no,\n`,
    );
    const converted = await cli([
      'import',
      'convert',
      'attendance',
      file('attendance.csv'),
      '--out',
      file('att.ndjson'),
    ]);
    expect(converted.code).toBe(0);
    expect(converted.stderr).toContain('1 lines written');
    expect(readFileSync(file('att.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
    const attended = await cli(['import', file('att.ndjson'), '--json'], provider);
    expect(json<{ summary: object }>(attended.stdout).summary).toMatchObject({ applied: 1 });
    // Converting the sheet again gives the same command ids: nothing is written twice.
    await cli(['import', 'convert', 'attendance', file('attendance.csv'), '--out', file('att.ndjson')]);
    const again = await cli(['import', file('att.ndjson'), '--json'], provider);
    expect(again.code).toBe(0);
    expect(json<{ summary: object }>(again.stdout).summary).toMatchObject({ applied: 0, replayed: 1 });

    writeFileSync(file('mixed.ndjson'), `${readFileSync(file('att.ndjson'), 'utf8').trimEnd()}\n{"mutation": oops}\n`);
    const mixed = await cli(['import', file('mixed.ndjson'), '--json'], provider);
    expect(mixed.code).toBe(1);
    expect(json<{ refused: object[] }>(mixed.stdout).refused).toEqual([
      expect.objectContaining({ line: 2, code: 'LINE_NOT_JSON' }),
    ]);
    const keep = await cli(['import', file('att.ndjson'), '--keep-known-since'], provider);
    expect(keep.code).toBe(1);
    expect(keep.stderr).toContain('KNOWN_SINCE_ADMIN_ONLY');

    const badSheet = await cli(['import', 'convert', 'attendance', file('pilot.ndjson')]);
    expect(badSheet.code).toBe(1);
    expect(badSheet.stderr).toContain('Nothing written');
  });

  it('export streams a dataset to a file, and a refusal exits 1', async () => {
    const exported = await cli(
      ['export', 'activities', '--project', projectId, '--format', 'csv', '--out', file('activities.csv'), '--json'],
      provider,
    );
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(json<{ bytes: number }>(exported.stdout).bytes).toBeGreaterThan(0);
    expect(readFileSync(file('activities.csv'), 'utf8')).toContain('activity_id');
    expect((await cli(['export', 'no-such-dataset', '--project', projectId], provider)).code).toBe(1);
    expect((await cli(['export', 'activities'], provider)).code).toBe(2);
  });

  it("export history gives an admin the project's commands as an import file; a provider is refused", async () => {
    const exported = await cli(['export', 'history', '--project', projectId, '--out', file('history.ndjson')], admin);
    expect(exported.code).toBe(0);
    const lines = readFileSync(file('history.ndjson'), 'utf8').trimEnd().split('\n');
    const mutations = lines.map((line) => (JSON.parse(line) as { mutation: string }).mutation);
    expect(mutations).toContain('launchProject');
    expect(mutations.filter((mutation) => mutation === 'registerCarerForActivity')).toHaveLength(carers.length);
    const refused = await cli(['export', 'history', '--project', projectId], provider);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ROLE_NOT_ALLOWED');
  });

  it('projections: status, a rebuild followed until the swap, a refusal', async () => {
    const status = await cli(['projections', 'status', '--json'], admin);
    expect(status.code).toBe(0);
    const before = json<{ name: string; generation: number }[]>(status.stdout).find((s) => s.name === 'directory')!;

    const rebuilt = await cli(['projections', 'rebuild', 'directory', '--json'], admin);
    expect(rebuilt.code).toBe(0);
    expect(json<{ generation: number; rebuild: unknown }>(rebuilt.stdout)).toMatchObject({
      generation: before.generation + 1,
      rebuild: null,
    });

    const unknown = await cli(['projections', 'pause', 'no-such-projection'], admin);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('PROJECTION_NOT_FOUND');
    const notAdmin = await cli(['projections', 'status'], provider);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr).toContain('ROLE_NOT_ALLOWED');
  });

  it('replay recomputes the signals under a framework version, printed or as CSV', async () => {
    const printed = await cli(
      ['replay', '--framework', 'default:1', '--project', projectId, '--asOf', '2025-03-31T23:59:59Z', '--json'],
      admin,
    );
    expect(printed.code).toBe(0);
    const report = json<{ framework: { id: string; version: number }; signals: { key: string }[] }>(printed.stdout);
    expect(report.framework).toMatchObject({ id: 'default', version: 1 });
    expect(report.signals.map((s) => s.key)).toEqual([
      'trust',
      'engagement',
      'partnershipCohesion',
      'coCreationBalance',
    ]);

    const written = await cli(
      ['replay', '--framework', 'default:1', '--project', projectId, '--out', file('signals.csv')],
      admin,
    );
    expect(written.code).toBe(0);
    const csv = readFileSync(file('signals.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^framework,framework_version,window_from,window_to,as_of,known_at,signal,indicator/);
    expect(csv.some((line) => line.includes(',engagement,delivery,'))).toBe(true);

    expect((await cli(['replay', '--framework', 'default', '--project', projectId], admin)).code).toBe(2);
  });
});
