import { usesEmbeddedStore, withEmptyCluster } from '#database/testing';
import { runToExit } from './child-process.js';

/**
 * Runs the built demo seed (`npm run seed:demo`) with the given environment and flags. An empty
 * DATA_DIR is given an empty, initialised PGlite cluster first, as startApi does, unless `initdb`
 * (the seed then runs initdb itself, as on a user's first `npm run seed:demo`).
 */
export async function runSeed(
  env: Record<string, string>,
  args: string[] = [],
  options: { readonly initdb?: boolean } = {},
): Promise<{ code: number | null; output: string }> {
  if (!options.initdb && usesEmbeddedStore(env)) await withEmptyCluster(env.DATA_DIR!);
  const { code, output } = await runToExit(process.execPath, ['dist/apps/seed/src/main.js', ...args], {
    PATH: process.env.PATH ?? '',
    ...env,
  });
  return { code, output };
}
