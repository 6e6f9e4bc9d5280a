import type { SqlExecutor } from '#database';
import type { IndicatorRef, SignalFramework } from '../framework.js';
import { indicatorRef, SIGNAL_KEYS } from '../framework.js';
import { SIGNAL_FACTS_TABLE } from '../signal-facts.projection.js';
import type { IndicatorDefinition } from './indicator-definition.js';
import { carersInPeriod, tallied } from './indicator-sql.js';

/** Who answers an instrument, as its `instrument_registered` fact says. */
export type InstrumentRespondents = 'carers' | 'partner_members';

/** The registered instruments a framework names, with who answers each. */
export type InstrumentCatalog = ReadonlyMap<string, InstrumentRespondents>;

const FORMULA =
  'mean normalised score of the responses to the named instrument in the window; a response scores mean(answer / scale max) over its items';
const NUMERATOR = 'sum of the responses’ normalised scores';
const DENOMINATOR = 'responses to the instrument in the window';

/**
 * The instrument indicator as INDICATORS lists it (what `signalIndicators` shows). A framework
 * names it with `instrumentId`; it is computed by the definition `instrumentScore` makes for that
 * instrument, never by this one.
 */
export const INSTRUMENT_SCORE: IndicatorDefinition = {
  key: 'instrumentScore',
  label: 'Instrument score',
  home: 'engagement',
  formula: FORMULA,
  numerator: NUMERATOR,
  denominator: DENOMINATOR,
  rule: 'ratio',
  uses: [],
  parameter: {
    name: 'instrumentId',
    description:
      'the registered survey instrument whose responses it averages (e.g. partnership synergy, collaboration factors, engagement quality)',
  },
  compute: (query) => Promise.resolve(query.periods.map(() => ({ numerator: 0, denominator: 0 }))),
};

/** Instrument ids are ids (ID_PATTERN), so this quoting never meets a quote; it is kept for safety. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

const made = new Map<string, IndicatorDefinition>();

/**
 * The instrument indicator for one instrument. Carers' answers are carers' own facts (counted for
 * small-group suppression and rounded against differencing); partner members' answers are not.
 */
export function instrumentScore(instrumentId: string, respondents: InstrumentRespondents): IndicatorDefinition {
  const id = `${instrumentId}|${respondents}`;
  let definition = made.get(id);
  if (!definition) {
    definition = {
      ...INSTRUMENT_SCORE,
      label: `Instrument score (${instrumentId})`,
      instrumentId,
      compute: tallied({
        kinds: ['instrument_answered'],
        where: `x.detail = ${literal(instrumentId)}`,
        numerator: { sum: 'x.amount' },
        denominator: { count: 'x.amount' },
      }),
      ...(respondents === 'carers'
        ? {
            carers: carersInPeriod(
              ['instrument_answered'],
              `x.detail = ${literal(instrumentId)} and x.amount is not null`,
            ),
          }
        : {}),
    };
    if (made.size < 10_000) made.set(id, definition);
  }
  return definition;
}

/**
 * The definition of every indicator a framework weighs, by ref. An instrument missing from the
 * catalog (its registration not visible to the facts) is taken as answered by carers: withheld in
 * small groups rather than shown.
 */
export function indicatorsOf(
  framework: SignalFramework,
  catalog: InstrumentCatalog = new Map(),
  byKey: (key: string) => IndicatorDefinition,
): ReadonlyMap<IndicatorRef, IndicatorDefinition> {
  const definitions = new Map<IndicatorRef, IndicatorDefinition>();
  for (const signal of SIGNAL_KEYS) {
    for (const indicator of framework.definition.signals[signal].indicators) {
      const ref = indicatorRef(indicator);
      if (definitions.has(ref)) continue;
      definitions.set(
        ref,
        indicator.instrumentId === undefined
          ? byKey(indicator.key)
          : instrumentScore(indicator.instrumentId, catalog.get(indicator.instrumentId) ?? 'carers'),
      );
    }
  }
  return definitions;
}

/** Who answers each of `instrumentIds`, from the instruments' registration facts (registered ones only). */
export async function loadInstrumentCatalog(
  database: SqlExecutor,
  instrumentIds: readonly string[],
): Promise<Map<string, InstrumentRespondents>> {
  if (instrumentIds.length === 0) return new Map();
  const rows = await database.query<{ subject_id: string; category: string | null }>(
    `select subject_id, category from ${SIGNAL_FACTS_TABLE}
     where kind = 'instrument_registered' and subject_id = any($1::text[])`,
    [[...new Set(instrumentIds)]],
  );
  return new Map(
    rows.map((row) => [row.subject_id, row.category === 'partner_members' ? 'partner_members' : 'carers'] as const),
  );
}
