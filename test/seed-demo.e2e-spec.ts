import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteDatabase, pgliteDirectory } from '#database';
import type { EncryptedPersonalData } from '#domain';
import { formatPosition, SqlEventStore, type RecordedEvent } from '#event-store';
import { CarerKeyVault } from '#privacy';
import { withEmptyCluster } from '#database/testing';
import { runToExit } from './support/child-process.js';

/**
 * `npm run seed:demo` end to end: the built seed (`npx tsc -p tsconfig.build.json` first) runs the
 * valley's full pilot (`--projects 1`: 18 months + a 2-month extension, about 2,700 events) on two
 * fresh embedded stores with the same seed. The whole default programme (three territories, each
 * registering and adopting its framework) is what the README demo test and the browser tests seed.
 */
const MAIN = 'dist/apps/seed/src/main.js';
const SEED = '4242';
/** A single default pilot writes about 2,700 events (2,730 for the default seed). */
const MIN_EVENTS = 2_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Summary {
  readonly commands: number;
  readonly replayed: number;
  readonly events: number;
  readonly eventStore: { readonly kind: string; readonly streamCount: number; readonly lastPosition: string | null };
}

async function seed(dataDir: string, ...args: string[]): Promise<Run> {
  // EVENT_STORE and DATABASE_URL are left out on purpose: the embedded default under DATA_DIR.
  const command = [MAIN, '--seed', SEED, '--projects', '1', '--json', ...args];
  const { code, stdout, stderr } = await runToExit(process.execPath, command, {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
  });
  return { code, stdout, stderr };
}

function summaryOf(run: Run): Summary {
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Summary;
}

interface Opened {
  readonly store: SqlEventStore;
  readonly db: PgliteDatabase;
}

/** Opens a store the seed wrote, after the seed exited (PGlite: one process at a time). */
async function open(dataDir: string): Promise<Opened> {
  const db = await PgliteDatabase.open(pgliteDirectory(dataDir));
  return { store: await SqlEventStore.open(db, { ownsDatabase: false }), db };
}

async function withStore<T>(dataDir: string, work: (store: SqlEventStore, db: PgliteDatabase) => Promise<T>) {
  const { store, db } = await open(dataDir);
  try {
    return await work(store, db);
  } finally {
    await db.close();
  }
}

async function allEvents(store: SqlEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    events.push(...page.events);
    after = page.resumeAfter;
    if (page.caughtUp) break;
  }
  return events;
}

const isEnvelope = (value: unknown): value is EncryptedPersonalData =>
  typeof value === 'object' && value !== null && (value as { algorithm?: unknown }).algorithm === 'aes-256-gcm';

/**
 * Everything that must come out the same: order, ids, stream, revision, type, data, metadata and
 * the time of the fact. Not the envelopes' bytes: the vault seals each with a fresh random IV and
 * a random per-carer key (reusing an IV under AES-GCM would break it), so only their presence is compared.
 */
function comparable(events: readonly RecordedEvent[]) {
  return events.map((event) => ({
    id: event.id,
    streamId: event.streamId,
    revision: event.revision.toString(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    metadata: event.metadata,
    data: isEnvelope(event.data.personalData) ? { ...event.data, personalData: 'sealed' } : event.data,
  }));
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('npm run seed:demo', () => {
  const first = mkdtempSync(join(tmpdir(), 'seed-demo-a-'));
  const second = mkdtempSync(join(tmpdir(), 'seed-demo-b-'));
  let runs: [Run, Run];
  /**
   * The first store, opened once for the cases that only read it (opening a store of a whole
   * pilot is not free), and closed before anything else runs on its directory.
   */
  let firstOpened: Promise<Opened> | null = null;
  const onFirst = async <T>(work: (store: SqlEventStore, db: PgliteDatabase) => Promise<T>) => {
    const { store, db } = await (firstOpened ??= open(first));
    return work(store, db);
  };
  const closeFirst = async () => {
    const opened = firstOpened;
    firstOpened = null;
    await (await opened)?.db.close();
  };
  /** Every event of the first store, read once. */
  let firstEvents: Promise<RecordedEvent[]> | null = null;
  const eventsOfFirst = () => (firstEvents ??= onFirst((store) => allEvents(store)));

  beforeAll(async () => {
    // Empty, initialised clusters (#database/testing, data-dir.ts): the seed's own initdb on an empty
    // DATA_DIR is what the README demo runs (readme-demo.e2e-spec.ts).
    await Promise.all([withEmptyCluster(first), withEmptyCluster(second)]);
    runs = await Promise.all([seed(first), seed(second)]);
  }, 180_000);
  afterAll(async () => {
    await closeFirst();
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('seeds a full pilot through the command path and prints a summary', () => {
    for (const run of runs) {
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/commands executed/);
      const summary = summaryOf(run);
      expect(summary.events).toBeGreaterThan(MIN_EVENTS);
      expect(summary.replayed).toBe(0);
      expect(summary.eventStore.kind).toBe('pglite');
      expect(summary.eventStore.streamCount).toBeGreaterThan(100);
    }
    expect(summaryOf(runs[0]).events).toBe(summaryOf(runs[1]).events);
  });

  it('writes identical events, ids included, from the same seed', async () => {
    const [a, b] = await Promise.all([
      eventsOfFirst().then(comparable),
      withStore(second, async (store) => comparable(await allEvents(store))),
    ]);
    expect(a).toHaveLength(summaryOf(runs[0]).events);
    expect(b).toHaveLength(a.length);
    expect(b[b.length - 1]).toEqual(a[a.length - 1]);
    expect(hash(b)).toBe(hash(a));
    // The pilot's story is there, dated in the past and in order.
    const types = new Set(a.map((event) => event.type));
    for (const type of ['ProjectLaunched', 'PilotExtended', 'CarerPersonalDataUpdated', 'ActivityCancelled']) {
      expect(types).toContain(type);
    }
    for (const type of [
      'DecisionContested',
      'SuggestionDeclined',
      'CommitteeBecameSelfOrganising',
      'BarrierResolved',
    ]) {
      expect(types).toContain(type);
    }
    const times = a.map((event) => event.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(times[times.length - 1]! < new Date().toISOString()).toBe(true);
  });

  it("never stores a carer's synthetic name or phone in plain text", async () => {
    await onFirst(async (_store, db) => {
      const vault = await CarerKeyVault.open(db);
      const identities: string[] = [];
      for (const event of await eventsOfFirst()) {
        const envelope = event.data.personalData;
        if (event.type !== 'CarerPersonalDataUpdated' || !isEnvelope(envelope)) continue;
        const personal = await vault.decrypt(String(event.data.carerId), envelope);
        if (personal === 'erased') continue;
        identities.push(personal.fullName, personal.phone!);
      }
      expect(identities.length).toBeGreaterThan(100);
      const rows = await db.query<{ row: string }>(
        `select concat_ws(' ', stream_id, type, data::text, metadata::text) as row from es_events`,
      );
      const raw = rows.map((r) => r.row).join('\n');
      expect(raw).toContain('Carer 1"');
      expect(identities.filter((identity) => raw.includes(identity))).toEqual([]);
    });
  });

  it('refuses to run again on a store that holds events, and writes nothing', async () => {
    const before = await onFirst(async (store) => ({
      streams: await store.streamCount(),
      last: formatPosition((await store.lastPosition())!),
    }));
    await closeFirst();
    const rerun = await seed(first);
    expect(rerun.code).not.toBe(0);
    expect(rerun.stderr).toMatch(/event store is not empty.*--append/s);
    const after = await withStore(first, async (store) => ({
      streams: await store.streamCount(),
      last: formatPosition((await store.lastPosition())!),
    }));
    expect(after).toEqual(before);
  }, 60_000);

  it('with --append and the same seed, recognises every command by its id and writes nothing new', async () => {
    const append = await seed(second, '--append');
    expect(append.code).toBe(0);
    const summary = summaryOf(append);
    expect(summary).toMatchObject({ events: 0, replayed: summary.commands });
    expect(summary.eventStore.lastPosition).toBe(summaryOf(runs[1]).eventStore.lastPosition);
  }, 120_000);
});
