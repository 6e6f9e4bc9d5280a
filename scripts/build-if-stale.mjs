#!/usr/bin/env node
// Builds dist/ only when a source is newer than the last build, so `npm start`, `npm run token`
// and `npm test` start at once on an unchanged tree (a full `tsc` takes 10-50 s on 2 cores).
// `npm ci` builds once through `prepare`. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const STAMP = join(root, 'dist', '.build-stamp');
const SOURCE_DIRS = ['apps', 'libs', 'bench', 'scripts'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
// What tsconfig.build.json leaves out cannot make dist/ stale.
const IGNORED = /(\.spec\.ts|\.e2e-spec\.ts)$/;

/** The newest modification time among the build's inputs, in milliseconds. */
function newestInput() {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') visit(full);
      } else if (!IGNORED.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of CONFIG_FILES) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

function stale() {
  if (!existsSync(STAMP)) return true;
  return newestInput() > statSync(STAMP).mtimeMs;
}

const force = process.argv.includes('--force');
if (force || stale()) {
  // A source saved while tsc runs must make the next start build again: stamp the start time.
  const started = new Date();
  process.stderr.write('Building the platform (TypeScript and the dashboard → dist/)…\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The dashboard (apps/web) is bundled by Vite into dist/web, which the API serves.
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const web = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(root, 'apps', 'web', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (web.status !== 0) process.exit(web.status ?? 1);
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
}
