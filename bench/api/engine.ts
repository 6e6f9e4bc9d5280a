/**
 * One engine of `bench:api`: a store seeded by the built seed (`dist/apps/seed`), the built API
 * started on it as a child process, and everything removed afterwards, failure or not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgDatabase } from '#database';
import { CATCH_UP } from './documents.js';
import type { GraphQLClient } from './graphql.js';

export type EngineName = 'pglite' | 'postgres';

export const SECRET = 'bench-only-secret-0123456789abcdef0123456789';

/** Every child still running (seeds and APIs), to end them if the benchmark is interrupted. */
const running = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Ends every child still running and waits for them to exit. */
export async function endChildren(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }),
  );
}

/** What the bench reads of the seed's `--json` summary. */
export interface SeedSummary {
  /** Null when the store was copied from a directory seeded earlier (`--pglite-data`). */
  readonly events: number | null;
  /** The first pilot's project; null when copied (then found by its agency, see the bench). */
  readonly demo: { readonly projectId: string } | null;
}

/** Where one engine keeps its data, and the environment the seed and the API run with. */
export class EngineStore {
  readonly dataDir: string;
  readonly schema: string | null;
  private seeded: SeedSummary | null = null;

  constructor(
    readonly name: EngineName,
    private readonly databaseUrl: string,
  ) {
    this.dataDir = mkdtempSync(join(tmpdir(), `bench-api-${name}-`));
    this.schema = name === 'postgres' ? `bench_api_${Date.now()}_${process.pid}` : null;
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      // As deployed (docker-compose.yml): graphql-js checks every instanceof twice in development.
      NODE_ENV: 'production',
      ...extra,
    };
    if (this.name === 'postgres') {
      env.EVENT_STORE = 'postgres';
      env.DATABASE_URL = this.databaseUrl;
      env.DATABASE_SCHEMA = this.schema!;
    } else {
      delete env.EVENT_STORE;
      delete env.DATABASE_URL;
      delete env.DATABASE_SCHEMA;
    }
    return env;
  }

  /** Runs the built seed with `--json` and returns its summary (the JSON last line). */
  async seed(projects: number): Promise<SeedSummary> {
    const child = spawn(process.execPath, ['dist/apps/seed/src/main.js', '--projects', String(projects), '--json'], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`${this.name}: the seed exited with ${code}: ${stderr.slice(-2000)}`);
    this.seeded = JSON.parse(stdout.trim().split('\n').pop()!) as SeedSummary;
    return this.seeded;
  }

  /** Copies a PGlite data directory seeded earlier instead of seeding (the original is not touched). */
  copyFrom(directory: string): SeedSummary {
    if (this.name !== 'pglite') throw new Error('only a PGlite store can be copied from a directory');
    cpSync(directory, this.dataDir, { recursive: true, filter: (source) => !source.endsWith('platform.pid') });
    this.seeded = { events: null, demo: null };
    return this.seeded;
  }

  get summary(): SeedSummary {
    if (!this.seeded) throw new Error(`${this.name} was not seeded`);
    return this.seeded;
  }

  /** Removes the data directory and, on PostgreSQL, drops the schema. */
  async remove(): Promise<void> {
    rmSync(this.dataDir, { recursive: true, force: true });
    if (this.schema) {
      await PgDatabase.dropSchemaAt(this.databaseUrl, this.schema);
    }
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The built API as a child process. */
export class ApiProcess {
  private output = '';

  private constructor(
    readonly origin: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (this.output.length > 64_000) this.output = this.output.slice(-32_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts the API; with `profileDir`, SIGUSR2 starts and stops a CPU profile written there. */
  static async start(store: EngineStore, profileDir: string | null = null): Promise<ApiProcess> {
    const port = await freePort();
    const preload = profileDir ? ['--import', './dist/bench/api/profile-preload.js'] : [];
    const child = spawn(process.execPath, [...preload, 'dist/apps/api/src/main.js'], {
      env: store.env({
        PORT: String(port),
        HOST: '127.0.0.1',
        // One caller sends every request here: the per-caller limit (600/min by default) would
        // refuse all but the first seconds of a step. Its check still runs on every request.
        RATE_LIMIT_PER_MINUTE: '1000000',
        ...(profileDir ? { BENCH_API_PROFILE_DIR: profileDir } : {}),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(`http://127.0.0.1:${port}`, track(child));
    // PGlite runs in the API's own thread: while the projections catch up on a large history the
    // API may answer nothing at all, so this waits as long as catching up may take.
    await api.waitFor('/health/ready', 30 * 60_000);
    return api;
  }

  get recentOutput(): string {
    return this.output.slice(-4000);
  }

  private async waitFor(path: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`the API exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.recentOutput}`);
      try {
        if ((await fetch(`${this.origin}${path}`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the API was not ready in time:\n${this.recentOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * Waits until every projection has processed the last event of the log (the admin
   * `projections` query), reporting progress on stderr. Returns the seconds it took.
   */
  async caughtUp(admin: GraphQLClient, label: string, timeoutMs = 30 * 60_000): Promise<number> {
    const started = Date.now();
    let lastReport = 0;
    for (;;) {
      const status = await admin.data<{
        eventStore: { lastPosition: string | null };
        projections: {
          name: string;
          state: string;
          checkpoint: string;
          lagEvents: number | null;
          lastError: string | null;
        }[];
      }>(CATCH_UP);
      const failed = status.projections.find((p) => p.state === 'failed');
      if (failed) throw new Error(`${label}: projection ${failed.name} failed: ${failed.lastError ?? ''}`);
      const behind = status.projections.filter(
        (p) => p.checkpoint !== status.eventStore.lastPosition && (p.lagEvents === null || p.lagEvents > 0),
      );
      if (behind.length === 0) return (Date.now() - started) / 1000;
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stderr.write(
          `${label}: projections catching up: ${behind.map((p) => `${p.name} ${p.lagEvents ?? '?'} behind`).join(', ')}\n`,
        );
      }
      if (Date.now() - started > timeoutMs) throw new Error(`${label}: projections did not catch up in time`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** GraphQL operations the API has answered so far (its `coproduction_graphql_operations_total`). */
  async answered(): Promise<number> {
    const text = await (await fetch(`${this.origin}/metrics`)).text();
    let total = 0;
    for (const line of text.split('\n'))
      if (line.startsWith('coproduction_graphql_operations_total{'))
        total += Number(line.slice(line.lastIndexOf(' ') + 1));
    return total;
  }

  /**
   * Waits until the API has answered `count` operations (requests a step left in flight are
   * still worked on after the load stops), so one step's backlog never slows the next; or until
   * its count has not moved for 5 s (a request whose connection the load closed before the API
   * read it is never answered). Returns the seconds it took, or null after `timeoutMs`.
   */
  async drained(count: number, timeoutMs = 180_000): Promise<number | null> {
    const started = Date.now();
    let last = -1;
    let lastMoved = Date.now();
    for (;;) {
      const answered = await this.answered();
      if (answered >= count) break;
      if (answered !== last) [last, lastMoved] = [answered, Date.now()];
      else if (Date.now() - lastMoved > 5000) break;
      if (Date.now() - started > timeoutMs) return null;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return (Date.now() - started) / 1000;
  }

  /** Starts or stops the CPU profile (see bench/api/profile-preload.ts). */
  toggleProfile(): void {
    this.child.kill('SIGUSR2');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
