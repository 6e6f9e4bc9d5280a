import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its old generation grow past what the last full collection kept alive, in percent
 * (`HEAP_GROWING_PERCENT`). 0, the default, leaves it to V8, which grows it up to fourfold when
 * collecting is cheap.
 *
 * A lower value trades request latency for memory, measured both ways on 2026-12-08 (the
 * README's bench:replay section). Rebuilding every projection over 1M events on PGlite, 30%
 * cut the committed heap's peak from 344 to 147 MB and the process's from 624 to 364 MB: a catch-up
 * batch lives through a few database round trips, is promoted, then dies. But the API at 200
 * requests/s answered `signals`, `signalSeries` and `assessmentReport` with a p95 two to seven times V8's own
 * (more full collections being the likely reading; not traced), so the default stays V8's.
 */
export const HEAP_GROWING_PERCENT = 0;

/**
 * Applies `HEAP_GROWING_PERCENT` first thing in every process the platform starts (API, projector,
 * seed) and in the benchmark that stands in for them. V8 reads the setting each time it sizes the
 * heap after a full collection, so setting it at run time takes effect (bench:replay's worker peaked
 * at 308 MB at 100k events with 30% set so, 461-476 MB without).
 */
export function setHeapGrowingPercent(percent: number): void {
  // 0 is the flag's own default: the growth factor V8 works out for itself.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
