import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BootRefused, ensurePortFree } from '#config';

/** The file that says which process owns a data directory, as PostgreSQL's `postmaster.pid` does. */
export const LOCK_FILE = 'platform.pid';

/** Another live process holds the data directory: the caller must stop before it opens anything. */
export class DataDirectoryInUse extends BootRefused {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Data directory ${dataDir} is in use by process ${pid}; stop it first ` +
        '(PGlite lets one process at a time open a data directory), or use another DATA_DIR.',
    );
    this.name = 'DataDirectoryInUse';
  }
}

export interface DataDirectoryLock {
  /** Removes the lock file if it is still ours; also done when the process exits. */
  release(): void;
}

/**
 * Claims `dataDir` for this process before PGlite opens it. Two PGlite instances on one directory
 * corrupt each other's WebAssembly heap (a second `npm start`, or `seed:demo` while the API runs,
 * used to take projection leases and then die with `Aborted()`), so a second process must fail at
 * once with one clear line. A lock left by a process that no longer runs is taken over.
 */
export function lockDataDirectory(dataDir: string, pid: number = process.pid): DataDirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, pid)) {
      // Two processes that both found the same stale lock may both have created it: the file says who won.
      const owner = ownerOf(path);
      if (owner !== pid && owner !== null && isRunning(owner)) throw new DataDirectoryInUse(dataDir, owner);
      return ownedLock(path, pid);
    }
    const owner = ownerOf(path);
    if (owner === pid) return ownedLock(path, pid);
    if (owner !== null && isRunning(owner)) throw new DataDirectoryInUse(dataDir, owner);
    removeIfOwnedBy(path, owner);
  }
  throw new Error(`Could not lock data directory ${dataDir} (${path} keeps reappearing)`);
}

function tryCreate(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Alive, and (where /proc tells) a Node process: a pid reused by something else after a crash is stale. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node/.test(command);
  } catch {
    return true;
  }
}

function removeIfOwnedBy(path: string, owner: number | null): void {
  if (ownerOf(path) !== owner) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function ownedLock(path: string, pid: number): DataDirectoryLock {
  const release = () => {
    if (ownerOf(path) === pid) removeIfOwnedBy(path, pid);
  };
  process.once('exit', release);
  return {
    release: () => {
      process.removeListener('exit', release);
      release();
    },
  };
}

/** The data directory a configuration opens with PGlite, if any: the one directory to lock. */
export function embeddedDataDirectory(config: {
  readonly eventStore: { readonly kind: string };
  readonly readModels: { readonly kind: string };
  readonly dataDir: string;
}): string | null {
  return config.eventStore.kind === 'pglite' || config.readModels.kind === 'pglite' ? config.dataDir : null;
}

/**
 * What a process claims before it opens anything: its port free, then its data directory when it
 * runs on PGlite. Either refusal is one line (a BootRefused) and leaves nothing changed.
 */
export async function claimBeforeBoot(
  config: Parameters<typeof embeddedDataDirectory>[0] & { readonly http: { readonly host: string } },
  port: number,
  variable: string,
): Promise<DataDirectoryLock | null> {
  await ensurePortFree(config.http.host, port, variable);
  const dataDir = embeddedDataDirectory(config);
  return dataDir ? lockDataDirectory(dataDir) : null;
}
