/**
 * npm run bench:api [-- --projects 100] [--duration 10] [--rates 50,200,500] [--json]
 *                   [--search-rates 10,25,50,100,200,300,500,800,1200,2000] [--search-duration S] [--skip-search]
 *                   [--warmup 2] [--write-projects 10] [--skip-pglite] [--skip-postgres] [--cpu-prof]
 *                   [--pglite-data DIR]
 *
 * The built API under fixed request rates on the demo history grown to `--projects` pilots, on
 * PGlite (the default `npm start` uses) and PostgreSQL (a fresh schema of DATABASE_URL). At each
 * rate, for `--duration` seconds each: `signals` for one project, `signals` with `asOf`,
 * `signalSeries` by month over the pilot (the dashboard's values, and with every month's breakdown), `assessmentReport`, a directory page of 100 activities
 * with attendance, and a mutation mix; beside them, in the same run, a trivial authenticated
 * `{ __typename }` (the server's own floor). Prints p50/p95/p99 latency, the achieved rate and
 * errors per operation and each p99's ratio to the floor's p99 at the same rate; then, for
 * signals, signalSeries and assessmentReport, the highest rate of `--search-rates` each sustains
 * (p99 under 100 ms, no error, at least 95% of the rate achieved), going up until the first that
 * fails. How the load is driven and measured: bench/api/load.ts; what is sent:
 * bench/api/operations.ts (reads about the demo's first pilot by its agency's coordinator, writes
 * spread over `--write-projects` other pilots, each by its own agency).
 *
 * Every store is seeded by the built seed before anything is measured (seeding 100 pilots into
 * PGlite on a slow disk takes many minutes: `--pglite-data DIR` copies a data directory seeded
 * earlier with `npm run seed:demo -- --projects N` instead, and leaves it untouched). With
 * `--cpu-prof` the API is profiled during the fixed-rate steps and the profile summarised (and kept).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenIssuer } from '#auth';
import { ApiProcess, endChildren, EngineStore, SECRET, type EngineName } from './api/engine.js';
import { GraphQLClient } from './api/graphql.js';
import { drive, type Operation, type StepResult } from './api/load.js';
import { mutationMix, readOperations } from './api/operations.js';
import { PROJECTS } from './api/documents.js';
import { hottestFunctions } from './api/profile.js';
import { flag, listOption, option, printTable, round, textOption } from './support.js';

const P99_LIMIT_MS = 100;
const TARGET_RATE = 200;
const TARGET_P99_MS = 50;
const SEARCHED = ['signals', 'signal_series', 'signal_series_breakdowns', 'assessment_report'] as const;

const settings = {
  projects: option('projects', 100),
  duration: option('duration', 10),
  warmup: option('warmup', 2),
  rates: listOption('rates', [50, 200, 500]),
  searchRates: listOption('search-rates', [10, 25, 50, 100, 200, 300, 500, 800, 1200, 2000]).sort((a, b) => a - b),
  searchDuration: option('search-duration', option('duration', 10)),
  search: !flag('skip-search'),
  writeProjects: option('write-projects', 10),
  pgliteData: textOption('pglite-data'),
  cpuProf: flag('cpu-prof'),
  json: flag('json'),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};

interface EngineResult {
  engine: EngineName;
  events: number | null;
  seedSeconds: number;
  catchUpSeconds: number;
  steps: StepResult[];
  maxRates: Record<string, { rate: number; failedAt: StepResult | null }>;
  preflight: Record<string, string | null>;
  mix: string;
  hottest: string[];
}

const log = (text: string) => process.stderr.write(`${text}\n`);

const issuer = new TokenIssuer(SECRET, {
  issuer: 'coproduction-platform',
  audience: 'coproduction-api',
  tokenTtlSeconds: 4 * 3600,
});

interface ProjectNode {
  id: string;
  name: string;
  startsOn: string;
  pilotMonths: number;
  partners: { edges: { node: { organisationId: string; role: string } }[] };
}

const agencyOf = (project: ProjectNode) => {
  const agency = project.partners.edges.find((edge) => edge.node.role === 'service_provider')?.node.organisationId;
  if (!agency) throw new Error(`project ${project.id} has no service_provider partner`);
  return agency;
};

/**
 * The seed's first pilot when its summary is not at hand (`--pglite-data`): its local partners'
 * ids carry no suffix, every later pilot's carry its territory (`org-home-care-pine-valley`).
 */
function firstPilot(projects: ProjectNode[]): ProjectNode | undefined {
  return [...projects].sort((a, b) => agencyOf(a).length - agencyOf(b).length)[0];
}

/**
 * Requests sent outside the load (one, or `count` of a varying operation: a whole turn of the
 * mutation mix), so a failing operation says why before it is measured.
 */
async function preflight(origin: string, token: string, operation: Operation, count = 1): Promise<string | null> {
  for (let i = 0; i < count; i++) {
    const next = typeof operation.body === 'string' ? { body: operation.body } : operation.body();
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token ?? token}` },
      body: next.body,
    });
    const failure = operation.check(response.status, await response.text());
    if (failure) return failure;
  }
  return null;
}

const sustains = (step: StepResult) =>
  step.p99Ms < P99_LIMIT_MS && step.errors === 0 && step.achievedRps >= 0.95 * step.rate;

async function measureEngine(store: EngineStore, seedSeconds: number): Promise<EngineResult> {
  const engine = store.name;
  const profileDir = settings.cpuProf ? mkdtempSync(join(tmpdir(), `bench-api-profile-${engine}-`)) : null;
  const starting = Date.now();
  log(`${engine}: starting the API (its projections catch up on the seeded history first)…`);
  const api = await ApiProcess.start(store, profileDir);
  let hottest: string[] = [];
  try {
    const adminToken = (await issuer.issue({ id: 'bench-admin', role: 'admin' })).token;
    const admin = new GraphQLClient(api.origin, adminToken);
    await api.caughtUp(admin, engine);
    const catchUpSeconds = (Date.now() - starting) / 1000;
    log(`${engine}: API up and projections caught up ${catchUpSeconds.toFixed(1)} s after its start`);

    const projects = await admin.all<{ projects: never }, ProjectNode>(PROJECTS, {}, (data) => data.projects);
    const readProject = store.summary.demo
      ? projects.find((p) => p.id === store.summary.demo!.projectId)
      : firstPilot(projects);
    const writeProjects = projects.filter((p) => p.id !== readProject?.id).slice(0, settings.writeProjects);
    if (!readProject || writeProjects.length === 0)
      throw new Error(`${engine}: expected the demo project and another one, found ${projects.length} projects`);
    const reader = (await issuer.issue({ id: 'bench-reader', role: 'provider', organisationId: agencyOf(readProject) }))
      .token;
    const reads = readOperations({ projectId: readProject.id, ...readProject });
    const mix = await mutationMix(
      admin,
      await Promise.all(
        writeProjects.map(async (project, i) => ({
          projectId: project.id,
          agencyId: agencyOf(project),
          token: (await issuer.issue({ id: `bench-writer-${i}`, role: 'provider', organisationId: agencyOf(project) }))
            .token,
        })),
      ),
    );
    const operations: Array<{ operation: Operation; token: string }> = [
      ...reads.map((operation) => ({ operation, token: reader })),
      { operation: mix.operation, token: reader },
    ];
    log(
      `${engine}: ${projects.length} projects; reads on ${readProject.name}, writes on ${writeProjects.length} others`,
    );
    log(`${engine}: mutation mix: ${mix.description}`);

    const preflightErrors: Record<string, string | null> = {};
    for (const { operation, token } of operations) {
      const count = operation === mix.operation ? 3 * writeProjects.length : 1;
      preflightErrors[operation.name] = await preflight(api.origin, token, operation, count);
      if (preflightErrors[operation.name])
        log(`${engine}: ${operation.name} fails before any load: ${preflightErrors[operation.name]}`);
    }
    await api.caughtUp(admin, engine);

    const steps: StepResult[] = [];
    const run = async (operation: Operation, token: string, rate: number, seconds: number) => {
      const before = await api.answered();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const step = await drive(operation, { origin: api.origin, token, rate, seconds, warmupSeconds: settings.warmup });
      const used = process.cpuUsage(cpu);
      const driverCpu = (used.user + used.system) / 10 / (performance.now() - started);
      const drain = await api.drained(before + step.sent);
      log(
        `${engine} ${operation.name} @ ${rate}/s: achieved ${step.achievedRps.toFixed(1)}/s, ` +
          `p50 ${step.p50Ms.toFixed(1)} p95 ${step.p95Ms.toFixed(1)} p99 ${step.p99Ms.toFixed(1)} ms, ` +
          `${step.errors} errors${step.firstError ? ` (first: ${step.firstError})` : ''}; ` +
          `${step.inFlightAtEnd} in flight at the end, load driver ${driverCpu.toFixed(0)}% of a core, ` +
          (drain === null
            ? 'the API still had requests of it in hand after 180 s'
            : `drained in ${drain.toFixed(1)} s`),
      );
      return step;
    };

    if (profileDir) api.toggleProfile();
    for (const rate of settings.rates) {
      for (const { operation, token } of operations) steps.push(await run(operation, token, rate, settings.duration));
      // The writes of this rate are projected before the next rate's reads start.
      await api.caughtUp(admin, engine);
    }
    if (profileDir) {
      api.toggleProfile();
      hottest = [...(await profileOf(profileDir)), `  (the profile is kept in ${profileDir})`];
    }

    const maxRates: EngineResult['maxRates'] = {};
    if (settings.search) {
      for (const name of SEARCHED) {
        const operation = reads.find((o) => o.name === name)!;
        let best = 0;
        let failedAt: StepResult | null = null;
        for (const rate of settings.searchRates) {
          const step =
            steps.find((s) => s.operation === name && s.rate === rate && s.seconds >= settings.searchDuration) ??
            (await run(operation, reader, rate, settings.searchDuration));
          if (!sustains(step)) {
            failedAt = step;
            break;
          }
          best = rate;
        }
        maxRates[name] = { rate: best, failedAt };
      }
    }
    return {
      engine,
      events: store.summary.events,
      seedSeconds,
      catchUpSeconds,
      steps,
      maxRates,
      preflight: preflightErrors,
      mix: mix.description,
      hottest,
    };
  } finally {
    await api.stop();
  }
}

/** Waits for the profile of the measured steps and summarises it. */
async function profileOf(directory: string): Promise<string[]> {
  for (let i = 0; i < 120; i++) {
    const files = readdirSync(directory).filter((file) => file.endsWith('.cpuprofile'));
    if (files.length > 0) return hottestFunctions(files.map((file) => join(directory, file)));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log('no CPU profile was written');
  return [];
}

function report(results: EngineResult[]): void {
  const rows: Array<Record<string, string | number>> = [];
  const flat: Record<string, number | string> = {
    projects: settings.projects,
    duration_s: settings.duration,
  };
  for (const result of results) {
    const e = result.engine;
    if (result.events !== null) {
      flat[`${e}_events`] = result.events;
      flat[`${e}_seed_seconds`] = round(result.seedSeconds, 1);
    }
    flat[`${e}_api_caught_up_seconds`] = round(result.catchUpSeconds, 1);
    for (const rate of settings.rates) {
      const floor = result.steps.find((s) => s.operation === 'floor' && s.rate === rate);
      for (const step of result.steps.filter((s) => s.rate === rate && s.seconds === settings.duration)) {
        if (rows.some((r) => r.engine === e && r.operation === step.operation && r.rate === rate)) continue;
        const ratio = floor && step.operation !== 'floor' ? step.p99Ms / floor.p99Ms : null;
        rows.push({
          engine: e,
          operation: step.operation,
          rate,
          'achieved/s': round(step.achievedRps, 1),
          'p50 ms': round(step.p50Ms, 1),
          'p95 ms': round(step.p95Ms, 1),
          'p99 ms': round(step.p99Ms, 1),
          errors: step.errors,
          'unanswered at end': step.inFlightAtEnd,
          'p99/floor': ratio === null ? '' : round(ratio, 1),
        });
        const key = `${e}_${step.operation}_${rate}`;
        flat[`${key}_p50_ms`] = round(step.p50Ms, 2);
        flat[`${key}_p95_ms`] = round(step.p95Ms, 2);
        flat[`${key}_p99_ms`] = round(step.p99Ms, 2);
        flat[`${key}_achieved_rps`] = round(step.achievedRps, 1);
        flat[`${key}_errors`] = step.errors;
        flat[`${key}_unanswered_at_end`] = step.inFlightAtEnd;
        if (ratio !== null) flat[`${key}_p99_ratio_to_floor`] = round(ratio, 2);
        if (step.firstError) flat[`${key}_first_error`] = step.firstError;
      }
    }
    for (const [name, max] of Object.entries(result.maxRates)) flat[`${e}_${name}_max_rps_p99_under_100ms`] = max.rate;
  }

  console.log(
    `\nAPI under fixed request rates: ${settings.projects} projects, ${settings.duration} s per rate ` +
      `(after ${settings.warmup} s of warm-up), floor = an authenticated { __typename }\n`,
  );
  printTable(rows);

  if (settings.search) {
    console.log(`\nHighest rate sustained with p99 under ${P99_LIMIT_MS} ms (no error, ≥ 95% of the rate achieved)\n`);
    printTable(
      results.flatMap((result) =>
        Object.entries(result.maxRates).map(([name, max]) => ({
          engine: result.engine,
          operation: name,
          'max req/s': max.rate,
          'first failing rate': max.failedAt?.rate ?? `none up to ${settings.searchRates.at(-1)}`,
          'its p99 ms': max.failedAt ? round(max.failedAt.p99Ms, 1) : '',
          'its achieved/s': max.failedAt ? round(max.failedAt.achievedRps, 1) : '',
          'its errors': max.failedAt ? max.failedAt.errors : '',
        })),
      ),
    );
  }

  const targetLines: string[] = [];
  for (const result of results)
    for (const name of SEARCHED) {
      const step = result.steps.find((s) => s.operation === name && s.rate === TARGET_RATE);
      if (!step) continue;
      const met = step.p99Ms < TARGET_P99_MS && step.errors === 0;
      targetLines.push(
        `  ${result.engine} ${name} @ ${TARGET_RATE}/s: p99 ${round(step.p99Ms, 1)} ms, ${step.errors} errors — ` +
          `${met ? 'met' : 'NOT met'} (target: p99 under ${TARGET_P99_MS} ms, no error)`,
      );
    }
  if (targetLines.length > 0) console.log(`\nTargets\n${targetLines.join('\n')}`);

  for (const result of results) {
    const failing = Object.entries(result.preflight).filter(([, error]) => error);
    for (const [name, error] of failing) console.log(`\n${result.engine} ${name} failed before any load: ${error}`);
    console.log(
      `\n${result.engine}: ${result.events === null ? 'a copied store' : `${result.events} events, seeded in ${round(result.seedSeconds, 1)} s`}; ` +
        `API up and caught up ${round(result.catchUpSeconds, 1)} s after its start; mutation mix: ${result.mix}`,
    );
    if (result.hottest.length > 0)
      console.log(
        `${result.engine}: where the API's CPU went during the fixed-rate steps:\n${result.hottest.join('\n')}`,
      );
  }
  if (settings.json) console.log(JSON.stringify(flat));
}

async function main(): Promise<void> {
  const engines: EngineName[] = [];
  if (!flag('skip-pglite')) engines.push('pglite');
  if (!flag('skip-postgres')) engines.push('postgres');
  if (engines.length === 0) throw new Error('--skip-pglite and --skip-postgres leave nothing to measure');
  if (settings.projects < 2) throw new Error('--projects must be at least 2: reads go to one pilot, writes to another');
  const stores = engines.map((name) => new EngineStore(name, settings.databaseUrl));
  const results: EngineResult[] = [];
  const removeAll = async () => {
    for (const store of stores)
      await store.remove().catch((error: unknown) => log(`cleaning up ${store.name} failed: ${String(error)}`));
  };
  // Interrupted (Ctrl-C): end the seeds and the API, then remove what they wrote.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: stopping and cleaning up`);
      void endChildren()
        .then(removeAll)
        .finally(() => process.exit(130));
    });
  try {
    // Every store is seeded before anything is measured (in parallel: the seeds are the slow part).
    const seedSeconds = await Promise.all(
      stores.map(async (store) => {
        const started = Date.now();
        if (store.name === 'pglite' && settings.pgliteData) {
          store.copyFrom(settings.pgliteData);
          log(`pglite: copied ${settings.pgliteData} instead of seeding`);
          return 0;
        }
        log(`${store.name}: seeding ${settings.projects} pilots…`);
        const summary = await store.seed(settings.projects);
        const seconds = (Date.now() - started) / 1000;
        log(`${store.name}: seeded ${summary.events} events in ${seconds.toFixed(1)} s`);
        return seconds;
      }),
    );
    for (const [i, store] of stores.entries()) results.push(await measureEngine(store, seedSeconds[i]!));
  } finally {
    await endChildren();
    await removeAll();
  }
  report(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
