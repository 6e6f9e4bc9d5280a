import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its old generation grow past what the last full collection kept alive, in percent
 * (`HEAP_GROWING_PERCENT`; 0 leaves it to V8).
 *
 * Left to itself V8 grows the heap up to fourfold when collecting is cheap, and the platform's work
 * makes it cheap: a catch-up batch of 5,000 events lives through a few database round trips, is
 * promoted, then dies. Measured with bench:replay (PGlite, every projection rebuilt): at 1M events
 * the committed heap peaked at 344 MB and the process at 624 MB; with 30%, at 147 MB and 364 MB, for
 * 17% more CPU per event (more full collections of a larger live set). At 100k the CPU stayed within
 * the runs' noise. The README's bench:replay section has the runs.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Keeps this process's heap close to what it holds alive. Called first thing by every process the
 * platform starts (API, projector, seed) and by the benchmark that stands in for them. V8 reads the
 * setting each time it sizes the heap after a full collection, so setting it at run time takes
 * effect (bench:replay's worker peaked at 308 MB at 100k events with it set so, 461-476 MB without).
 */
export function tightenHeapGrowth(percent: number): void {
  // 0 is V8's own default for the flag: the growth factor it works out for itself.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
