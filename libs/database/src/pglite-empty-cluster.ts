import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An image of a freshly initialised, empty PGlite cluster, to start new databases from, in memory
 * or in a new data directory. `initdb` is most of PGlite's start (measured here: 2.6-4.5 s fresh,
 * 1.1 s from this image), the test suite opens a new database for almost every spec, and initdb
 * leaves the process that ran it with a larger heap (measured: 780 MB resident at its peak and
 * 426 MB after garbage collection, against 360 and 293 MB from this image). The image is cached
 * in the temporary directory, keyed by the installed PGlite build, so each process (each jest
 * worker, each API started on a new DATA_DIR) reads it instead of running initdb again.
 */
let image: Promise<Blob> | null = null;

export function emptyClusterImage(): Promise<Blob> {
  image ??= loadOrCreate().catch((error: unknown) => {
    image = null;
    throw error;
  });
  return image;
}

function cachePath(): string {
  const build = statSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  return join(tmpdir(), `coproduction-pglite-empty-${build.size}-${Math.floor(build.mtimeMs)}.tar.gz`);
}

async function loadOrCreate(): Promise<Blob> {
  const path = cachePath();
  if (!existsSync(path)) await createImage(path);
  return new Blob([readFileSync(path)]);
}

/** Runs initdb in a child process, so that its peak memory is not the serving process's. */
async function createImage(path: string): Promise<void> {
  // Written aside and renamed: another process reading meanwhile sees the whole file or none.
  const partial = `${path}.${process.pid}.partial`;
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { writeFileSync } = await import('node:fs');" +
        'const { PGlite } = await import(process.argv[1]);' +
        'const fresh = await PGlite.create({});' +
        "const dump = await fresh.dumpDataDir('gzip');" +
        'writeFileSync(process.argv[2], Buffer.from(await dump.arrayBuffer()));' +
        'await fresh.close();',
      import.meta.resolve('@electric-sql/pglite'),
      partial,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 || !existsSync(partial)) {
    rmSync(partial, { force: true });
    throw new Error(`could not make the image of an empty PGlite cluster (exit ${code}):\n${stderr}`);
  }
  renameSync(partial, path);
}
