import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its old generation grow past what the last full collection kept alive, in percent.
 *
 * Left to itself V8 grows the heap up to fourfold when collecting is cheap, and the platform's work
 * makes it cheap: a catch-up batch of 5,000 events lives through a few database round trips, is
 * promoted, then dies. Measured with bench:replay (PGlite, every projection rebuilt): at 100k events
 * the committed heap peaked at 208 MB for 64 MB in use and 30 MB alive, so 140 MB of the embedded
 * default's 461–476 MB resident was garbage waiting. With 30% it peaked at 70–75 MB and the process
 * at 317–325 MB, at the same rate and CPU per event within the runs' noise.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Keeps this process's heap close to what it holds alive. Called first thing by every process the
 * platform starts (API, projector, seed) and by the benchmarks that stand in for them; V8 reads the
 * setting each time it sizes the heap after a full collection, so setting it at run time takes effect.
 */
export function tightenHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
