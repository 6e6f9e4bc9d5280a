import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a process on the embedded default keeps its PGlite cluster under DATA_DIR
 * (`pgliteDirectory` of #database, not imported here so the e2e helpers load no PGlite).
 */
export const PGLITE_SUBDIRECTORY = 'pglite';

const PGLITE_PACKAGE = join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');

let template: Promise<string> | null = null;

/**
 * An empty PGlite cluster exactly as `initdb` leaves it, made once per installed PGlite build and
 * kept in the temporary directory. Most e2e tests start their processes on a new, empty data
 * directory, and initdb was almost half of such a start (measured here: the API served after 8 s
 * and 7.6 s of CPU on an empty DATA_DIR, after 4.4 s and 4.4 s on a copy of this cluster). The
 * platform now starts a new DATA_DIR from an image of an empty cluster itself
 * (pglite-empty-cluster.ts); a copy of this one still spares unpacking that image.
 */
export function emptyClusterTemplate(): Promise<string> {
  template ??= makeTemplate().catch((error: unknown) => {
    template = null;
    throw error;
  });
  return template;
}

async function makeTemplate(): Promise<string> {
  const { version } = JSON.parse(readFileSync(PGLITE_PACKAGE, 'utf8')) as { version: string };
  const path = join(tmpdir(), `coproduction-pglite-cluster-${version}-${Math.floor(statSync(PGLITE_PACKAGE).mtimeMs)}`);
  if (existsSync(join(path, 'PG_VERSION'))) return path;
  // Made aside and renamed: a process copying meanwhile sees the whole cluster or none.
  const partial = mkdtempSync(`${path}.partial-`);
  try {
    // In a child process: PGlite's initdb runs faster outside jest's module sandbox, and loads nothing here.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { PGlite } = await import('@electric-sql/pglite');" +
          'const db = await PGlite.create({ dataDir: process.argv[1] });' +
          'await db.close();',
        join(partial, 'cluster'),
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0 || !existsSync(join(partial, 'cluster', 'PG_VERSION')))
      throw new Error(`could not make an empty PGlite cluster (exit ${code}):\n${stderr}`);
    try {
      renameSync(join(partial, 'cluster'), path);
    } catch (error) {
      // Another jest worker made it first: theirs is the same.
      if (!existsSync(join(path, 'PG_VERSION'))) throw error;
    }
    return path;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Puts an empty, initialised PGlite cluster under `dataDir` unless one is there, so the process
 * started on it opens the cluster instead of making one. A first start on a really empty
 * DATA_DIR stays covered: api-boot's first `npm start` opts out, and the README
 * demo runs `npm run seed:demo` on an empty directory.
 */
export async function withEmptyCluster(dataDir: string): Promise<string> {
  const cluster = join(dataDir, PGLITE_SUBDIRECTORY);
  if (existsSync(cluster)) return dataDir;
  const source = await emptyClusterTemplate();
  mkdirSync(dataDir, { recursive: true });
  cpSync(source, cluster, { recursive: true });
  return dataDir;
}

/** A new data directory (in the temporary directory) holding an empty, initialised PGlite cluster. */
export async function initialisedDataDir(prefix: string): Promise<string> {
  return withEmptyCluster(mkdtempSync(join(tmpdir(), prefix)));
}

/**
 * Whether a process started with `env` keeps its events and read models in PGlite under DATA_DIR
 * (mirrors loadConfig: EVENT_STORE unset or `pglite`; read models follow the event store then).
 */
export function usesEmbeddedStore(env: Record<string, string>): boolean {
  return (
    Boolean(env.DATA_DIR) && (env.EVENT_STORE === undefined || env.EVENT_STORE === '' || env.EVENT_STORE === 'pglite')
  );
}
