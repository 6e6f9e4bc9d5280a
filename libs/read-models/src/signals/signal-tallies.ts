import type { FrameworkParameters } from './framework.js';
import type { Fraction, IndicatorQuery, Tally, TallyPart } from './indicators/index.js';
import { KIND_IN, partOf, perPeriod } from './indicators/indicator-sql.js';
import type { Window } from './signal-periods.js';

interface Waiting {
  readonly tally: Tally;
  resolve(fractions: Fraction[]): void;
  reject(error: unknown): void;
}

/**
 * The tallies of one computation, run together: those asked for in the same turn (the indicators
 * are all started before any is awaited) become the aggregate columns of one statement over the
 * facts of all their kinds, each part filtered to its own tally's kinds and conditions, so that it
 * counts exactly what a statement of its own would have. A tally asked for later gets a statement
 * of its own: batching saves statements, it never decides results.
 */
export class TallyBatch {
  private waiting: Waiting[] = [];

  constructor(
    private readonly periods: readonly Window[],
    private readonly parameters: FrameworkParameters,
    private readonly rows: IndicatorQuery['rows'],
  ) {}

  add(tally: Tally): Promise<Fraction[]> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) queueMicrotask(() => void this.run());
      this.waiting.push({ tally, resolve, reject });
    });
  }

  private async run(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const params: unknown[] = [];
    // After the prelude's seven parameters.
    const bind = (value: unknown) => `$${7 + params.push(value)}`;
    const columns = batch.flatMap(({ tally }, index) => [
      `${aggregate(tally, tally.numerator, this.parameters, bind)} as n${index}`,
      `${aggregate(tally, tally.denominator, this.parameters, bind)} as d${index}`,
    ]);
    const kinds = [...new Set(batch.flatMap(({ tally }) => tally.kinds))];
    try {
      const rows = await this.rows<{ i: number } & Record<string, number | null>>(
        kinds,
        `select x.i, ${columns.join(',\n         ')}\n       from binned x group by x.i`,
        params,
      );
      batch.forEach(({ resolve }, index) => resolve(perPeriod(this.periods, partOf(rows, `n${index}`, `d${index}`))));
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }
}

/** One part as a float8 column: its aggregate over the facts of the tally's kinds that meet its conditions. */
function aggregate(
  tally: Tally,
  part: TallyPart,
  parameters: FrameworkParameters,
  bind: (value: unknown) => string,
): string {
  const conditions = [KIND_IN('x', tally.kinds), tally.where, part.when]
    .filter((condition) => condition !== undefined)
    .map((condition) => `(${condition})`)
    .join(' and ');
  const value = part.sum !== undefined ? `sum(${part.sum})` : `count(${part.count ?? '*'})`;
  const filtered = `${value} filter (where ${conditions})`;
  return part.times ? `(${filtered} * ${bind(part.times(parameters))}::float8)::float8` : `(${filtered})::float8`;
}
