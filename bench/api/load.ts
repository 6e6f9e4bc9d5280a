/**
 * Fixed-rate load with autocannon, measured honestly.
 *
 * autocannon's `overallRate` splits the rate over the connections, and each connection sends its
 * share back to back at the start of every second of its own clock: one instance with C connections
 * sends bursts of C requests at once, so its latencies would measure the burst (about C times the
 * service time), not the rate. Here a rate of R requests/s is spread over up to MAX_INSTANCES
 * autocannon instances started evenly over the first second, each with `overallRate` r and r
 * connections (one request per connection per second): R/K requests every 1/K s, close to evenly
 * spaced arrivals, and a slow answer holds up one connection's next request, not the others'.
 * So at most R requests are ever outstanding: an API that cannot keep up answers late and the
 * achieved rate falls below R, rather than a backlog growing without bound.
 *
 * Latencies are taken from every response (autocannon's own histograms are off: with
 * `overallRate` it "corrects" coordinated omission with an expected interval of 1 ms, which adds
 * invented samples). Only responses that arrive inside the measured window count, after a
 * warm-up that also absorbs the instances' start: the achieved rate is how many arrived in it,
 * divided by its length; an API that falls behind shows it there, and in the latency of the
 * requests that waited. Every response body is checked: a non-200 status, a GraphQL `errors`
 * array, a missing `data` or an answer the operation does not accept is an error, as are
 * connection errors and timeouts.
 */
import autocannon from 'autocannon';

const MAX_INSTANCES = 100;
/**
 * As long as the API's own operation timeout (OPERATION_TIMEOUT_MS, 30 s): a client that gave up
 * sooner would reconnect and send again while the API still works on what it abandoned, so the
 * API's backlog could grow past one request per connection.
 */
const REQUEST_TIMEOUT_SECONDS = 30;

/** One request of an operation that varies: its body and, when it acts as someone else, their token. */
export interface FreshRequest {
  readonly body: string;
  readonly token?: string;
}

export interface Operation {
  readonly name: string;
  /** A fixed body, or a fresh request each time (mutations need a fresh command id each time). */
  readonly body: string | (() => FreshRequest);
  /** Null when the response is a success, else why not (checked on every response). */
  check(status: number, body: string): string | null;
}

export interface StepOptions {
  readonly origin: string;
  readonly token: string;
  readonly rate: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
}

export interface StepResult {
  readonly operation: string;
  readonly rate: number;
  readonly seconds: number;
  readonly completed: number;
  readonly achievedRps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  /** The first error seen, for the report (a GraphQL message and its code). */
  readonly firstError: string | null;
  /** Every request sent, warm-up included (to know when the API has answered them all). */
  readonly sent: number;
  /** Requests still unanswered when the load stopped (the API works on them after). */
  readonly inFlightAtEnd: number;
}

/** Splits `total` into `parts` nearly equal whole numbers. */
function share(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * autocannon builds three WebAssembly HDR histograms per instance (about 20 ms and 2 MB each),
 * which with a hundred instances would stall this process while the first ones already send. It
 * takes its histograms from `opts.histograms` (lib/run.js) and skips encoding those marked
 * `__custom`; latencies are recorded here, so these record nothing.
 */
function inertHistograms() {
  const inert = () => ({
    __custom: true,
    recordValue: () => undefined,
    recordValueWithExpectedInterval: () => undefined,
    reset: () => undefined,
    destroy: () => undefined,
  });
  return { latencies: inert(), requests: inert(), throughput: inert() };
}

/** Drives one operation at a fixed rate and measures it. */
export async function drive(operation: Operation, options: StepOptions): Promise<StepResult> {
  const { rate, seconds, warmupSeconds } = options;
  const instances = Math.min(rate, MAX_INSTANCES);
  const started = performance.now();
  const windowStart = started + 1000 + warmupSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;

  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let verdict: string | null = null;
  let sent = 0;
  let settled = 0;
  const noteError = (why: string) => {
    errors++;
    firstError ??= why;
  };

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${options.token}` };
  const body = operation.body;
  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers,
    ...(typeof body === 'string'
      ? { body }
      : {
          setupRequest: (req: autocannon.Request) => {
            const next = body();
            const auth = next.token ? { authorization: `Bearer ${next.token}` } : {};
            return { ...req, body: next.body, headers: { ...req.headers, ...auth } };
          },
        }),
    // Runs just before autocannon's own 'response' event for the same response (same tick).
    onResponse: (status: number, responseBody: string) => {
      verdict = operation.check(status, responseBody);
    },
  };

  const runs: Array<Promise<void>> = [];
  const trackers: autocannon.Instance[] = [];
  const timers: NodeJS.Timeout[] = [];
  share(rate, instances).forEach((instanceRate, i) => {
    runs.push(
      new Promise<void>((resolve, reject) => {
        timers.push(
          setTimeout(
            () => {
              const options_ = {
                url: `${options.origin}/graphql`,
                method: 'POST' as const,
                headers,
                requests: [request],
                // Each connection emits 'request' for every request it writes (lib/httpClient.js).
                setupClient: (client: NodeJS.EventEmitter) => {
                  client.on('request', () => sent++);
                },
                connections: instanceRate,
                overallRate: instanceRate,
                duration: 3600, // stopped below
                timeout: REQUEST_TIMEOUT_SECONDS,
                ignoreCoordinatedOmission: true,
                skipAggregateResult: true,
                histograms: inertHistograms(),
              };
              const instance = autocannon(options_ as autocannon.Options, (error) =>
                error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
              );
              instance.on('response', (_client, statusCode, _bytes, responseTime) => {
                settled++;
                const now = performance.now();
                const why = verdict ?? (statusCode === 200 ? null : `HTTP ${statusCode}`);
                verdict = null;
                if (now < windowStart || now >= windowEnd) return;
                latencies.push(responseTime);
                if (why) noteError(why);
              });
              instance.on('reqError', (error: Error) => {
                settled++;
                const now = performance.now();
                if (now >= windowStart && now < windowEnd) noteError(`request error: ${error.message}`);
              });
              trackers.push(instance);
              if (performance.now() >= windowEnd) instance.stop();
            },
            (i * 1000) / instances,
          ),
        );
      }),
    );
  });

  await new Promise((resolve) => setTimeout(resolve, windowEnd - performance.now()));
  const inFlightAtEnd = sent - settled;
  for (const timer of timers) clearTimeout(timer);
  for (const tracker of trackers) tracker.stop();
  await Promise.all(runs.slice(0, trackers.length));

  const sorted = Float64Array.from(latencies).sort();
  return {
    operation: operation.name,
    rate,
    seconds,
    completed: sorted.length,
    achievedRps: sorted.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    errors,
    firstError,
    sent,
    inFlightAtEnd,
  };
}
