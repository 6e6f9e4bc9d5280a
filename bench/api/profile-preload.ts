/**
 * Loaded into the API child with `--import` when `bench:api --cpu-prof` runs: each SIGUSR2
 * starts, then stops, a V8 CPU profile of the API (through the inspector, in the process itself),
 * written to BENCH_API_PROFILE_DIR. So only the measured load is profiled, not the boot or the
 * projections catching up (Node's own `--cpu-prof` covers the whole life and writes only on a
 * normal exit, which the API's re-raised SIGTERM is not).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const directory = process.env.BENCH_API_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  let profiling = false;
  let busy = Promise.resolve();
  const toggle = async () => {
    if (!profiling) {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      profiling = true;
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    profiling = false;
    const file = join(directory, `api-${Date.now()}.cpuprofile`);
    // The bench waits for the final name; the rename keeps it from reading half a file.
    writeFileSync(`${file}.partial`, JSON.stringify(profile));
    renameSync(`${file}.partial`, file);
  };
  process.on('SIGUSR2', () => {
    busy = busy.then(toggle).catch((error: unknown) => {
      process.stderr.write(`profiling failed: ${String(error)}\n`);
    });
  });
}
