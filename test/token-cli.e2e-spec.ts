import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startApi } from './support/api-process.js';

const TOKEN = 'dist/apps/token/src/main.js';

function token(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [TOKEN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a development token alone on its last line, which the API started on the same data accepts', async () => {
    const issued = token(['--role', 'analyst', '--org', 'org-university'], { DATA_DIR: dataDir });
    expect(issued.code).toBe(0);
    const lines = issued.stdout.trimEnd().split('\n');
    const last = lines[lines.length - 1]!;
    expect(last).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The secret both share was created once, readable by its owner only.
    expect(statSync(join(dataDir, 'dev-jwt-secret')).mode & 0o777).toBe(0o600);

    const api = await startApi({ DATA_DIR: dataDir, JWT_SECRET: '' });
    try {
      const answer = await api.graphql<{ signalIndicators: unknown[] }>(
        '{ signalIndicators { key } }',
        {},
        { authorization: `Bearer ${last}` },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.signalIndicators.length).toBeGreaterThan(0);
      const admin = await api.graphql('{ projections { name } }', {}, { authorization: `Bearer ${last}` });
      expect(admin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    } finally {
      await api.stop();
    }
  });

  it.each([
    [['--role', 'superuser'], '--role must be one of'],
    [['--role', 'provider'], '--org is required for a provider'],
    [['--role', 'admin', '--ttl', '5'], '--ttl must be'],
    [['--role', 'admin', '--sub', 'a;b'], '--sub must be an id'],
    [['--role', 'admin', '--bogus'], 'Unknown option'],
  ])('refuses %j with exit code 2 and says why', (args, message) => {
    const refused = token(args, { DATA_DIR: dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(message);
  });

  it('refuses to run in production without JWT_SECRET', () => {
    const refused = token(['--role', 'admin'], { DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('JWT_SECRET is required in production');
  });
});
