import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from './support/api-process.js';
import { captureOutput, runToExit } from './support/child-process.js';

/**
 * A new user's first minutes, as the README writes them: the commands between the
 * `readme-demo` markers run as written (only the port is this test's own), on a fresh data
 * directory, with no variable set but DATA_DIR and PORT.
 */
const README = readFileSync('README.md', 'utf8');

function demoBlocks(): string[] {
  const section = /<!-- readme-demo:start[^>]*-->([\s\S]*?)<!-- readme-demo:end -->/.exec(README);
  if (!section) throw new Error('README.md has no readme-demo section');
  return [...section[1]!.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** The environment of someone who just cloned: none of the test run's own settings. */
function userEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'EVENT_STORE', 'NODE_ENV', 'JWT_SECRET', 'LOG_LEVEL']) {
    delete env[name];
  }
  return env;
}

async function run(
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runToExit('bash', ['-euo', 'pipefail', '-c', command], env);
  return { code, stdout, stderr };
}

async function answering(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`npm start did not answer within 60 s:\n${output()}`);
}

interface Projects {
  data?: { projects: { edges: Array<{ node: { id: string; name: string; territoryId: string; phase: string } }> } };
  errors?: unknown[];
}

describe("the README's demo, as written", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'readme-demo-'));
  let port: number;
  let env: NodeJS.ProcessEnv;
  let api: ChildProcess | null = null;
  let seedOutput = '';
  const [startBlock, queryBlock, travelBlock] = demoBlocks();

  beforeAll(async () => {
    port = await freePort();
    env = userEnv(dataDir, port);
  });
  afterAll(async () => {
    if (api && api.exitCode === null) {
      process.kill(-api.pid!, 'SIGTERM');
      await once(api, 'exit');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has three command blocks: seed and start, token and query, then a query back in time', () => {
    expect(startBlock!.trim().split('\n')).toEqual(['npm run seed:demo', 'npm start']);
    expect(queryBlock).toMatch(/npm run -s token -- --role provider --org org-home-care/);
    expect(queryBlock).toContain('127.0.0.1:3000');
    expect(travelBlock).toContain('knownAt');
  });

  // Three territories, about 6,400 commands: half a minute alone, longer beside other suites.
  it('seeds the demo and prints the ids and a token command per role', async () => {
    const seed = await run('npm run seed:demo', env);
    expect({ code: seed.code, stderr: seed.code === 0 ? '' : seed.stderr }).toEqual({ code: 0, stderr: '' });
    seedOutput = seed.stdout;
    expect(seedOutput).toMatch(/^ {2}territory +valley$/m);
    expect(seedOutput).toMatch(/^ {2}project +[0-9a-f-]{36} {2}\(Valley family carers pilot\)$/m);
    for (const org of ['org-university', 'org-home-care', 'org-larch-house', 'org-st-roch']) {
      expect(seedOutput).toMatch(new RegExp(`^ {2}organisation +${org} `, 'm'));
    }
    for (const role of ['provider', 'researcher', 'analyst', 'carer', 'admin']) {
      expect(seedOutput).toMatch(new RegExp(`^ {2}${role} +npm run -s token -- --role ${role}`, 'm'));
    }
  }, 240_000);

  it('starts with npm start and answers the README query with the demo project', async () => {
    api = spawn('bash', ['-c', 'npm start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const written = captureOutput(api);
    await answering(port, api, () => written.output);

    const query = await run(queryBlock!.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`), env);
    expect(query.code).toBe(0);
    const answer = JSON.parse(query.stdout) as Projects;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.projects.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ name: 'Valley family carers pilot', territoryId: 'valley' }),
    ]);
  });

  it('answers the time-travel query: the third month as it happened differs from what was known then', async () => {
    // In the reader's shell, where the block before set TOKEN.
    const both = `${queryBlock!}\necho\n${travelBlock!}`.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`);
    const query = await run(both, env);
    expect(query.code).toBe(0);
    type Engagement = { engagement: { value: number | null; carerCount: number | null } };
    const answer = JSON.parse(query.stdout.trim().split('\n').pop()!) as {
      data?: { happened: Engagement; knownThen: Engagement };
      errors?: unknown[];
    };
    expect(answer.errors).toBeUndefined();
    const { happened, knownThen } = answer.data!;
    // The project id in the README is the demo's (the default seed is deterministic).
    expect(seedOutput).toContain('551f3390-227f-59a5-801e-c21ef3420d67');
    expect(happened.engagement.value).not.toBeNull();
    expect(knownThen.engagement).not.toEqual(happened.engagement);
  });

  it('gives every role a token command that works on the demo as printed', async () => {
    const commands = [
      ...seedOutput.matchAll(/^ {2}(provider|researcher|analyst|carer|admin) +(npm run -s token -- .+)$/gm),
    ];
    expect(commands.map((match) => match[1])).toEqual(['provider', 'researcher', 'analyst', 'carer', 'admin']);
    for (const [, role, command] of commands) {
      const token = await run(`${command} | tail -n 1`, env);
      expect({ role, code: token.code }).toEqual({ role, code: 0 });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.stdout.trim()}` },
        body: JSON.stringify({ query: '{ projects(first: 5) { edges { node { name } } } }' }),
      });
      const answer = (await response.json()) as Projects;
      expect({ role, errors: answer.errors }).toEqual({ role, errors: undefined });
      // The agency and the carer are the valley's; the university and the platform's staff see the
      // whole programme, in the order projects are listed.
      const valleyOnly = role === 'provider' || role === 'carer';
      expect({ role, projects: answer.data!.projects.edges.map((edge) => edge.node.name).sort() }).toEqual({
        role,
        projects: valleyOnly
          ? ['Valley family carers pilot']
          : ['Pine Valley family carers pilot', 'Stone Valley family carers pilot', 'Valley family carers pilot'],
      });
    }
  });
});
