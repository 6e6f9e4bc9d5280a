import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { INDICATOR_KEYS, SIGNAL_KEYS, type IndicatorKey, type SignalFramework, type SignalKey } from './framework.js';
import { INDICATORS_BY_KEY, type Fraction } from './indicators/index.js';
import { combine } from './combine-signals.js';
import type { CarerCounts, SignalReport, SignalWarning } from './signal-report.js';
import {
  isSmallGroup,
  suppressSignalComparison,
  suppressSignalReport,
  suppressSignalSeries,
} from './signal-suppression.js';

/** The indicators derived from carers' own facts (the rest are about organisations, activities, barriers). */
const CARER_DERIVED = INDICATOR_KEYS.filter((key) => INDICATORS_BY_KEY.get(key)!.carers !== undefined);
/** The default framework's indicators about organisations, activities, decisions and barriers (the reports below use it). */
const NOT_CARER_DERIVED = SIGNAL_KEYS.flatMap((key) => DEFAULT_FRAMEWORK.definition.signals[key].indicators)
  .map((i) => i.key)
  .filter((key) => !CARER_DERIVED.includes(key));

/** Every indicator at 1/2 (with data), unless told otherwise. */
const fractions = (overrides: Partial<Record<IndicatorKey, Fraction>> = {}) =>
  new Map(INDICATOR_KEYS.map((key) => [key, overrides[key] ?? { numerator: 1, denominator: 2 }] as const));

/** Carer counts: every carer-derived indicator over `carers`, unless told otherwise; unions taken as the maximum. */
function carerCounts(carers: number, overrides: Partial<Record<IndicatorKey, number>> = {}): CarerCounts {
  const byIndicator = new Map(CARER_DERIVED.map((key) => [key, overrides[key] ?? carers] as const));
  const union = (keys: readonly IndicatorKey[]) =>
    Math.max(0, ...keys.filter((key) => byIndicator.has(key)).map((key) => byIndicator.get(key)!));
  return {
    byIndicator,
    bySignal: new Map(
      SIGNAL_KEYS.map(
        (key) => [key, union(DEFAULT_FRAMEWORK.definition.signals[key].indicators.map((i) => i.key))] as const,
      ),
    ),
    total: union(CARER_DERIVED),
  };
}

const WINDOW = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

function report(
  current: CarerCounts,
  options: {
    previous?: CarerCounts;
    framework?: SignalFramework;
    fractions?: Partial<Record<IndicatorKey, Fraction>>;
    warnings?: SignalWarning[];
  } = {},
): SignalReport {
  const framework = options.framework ?? DEFAULT_FRAMEWORK;
  const previous = combine(framework, fractions(), options.previous ?? current);
  return {
    scope: { projectId: 'p' },
    window: WINDOW,
    asOf: null,
    knownAt: null,
    framework: { id: framework.id, version: framework.version, name: framework.definition.name, source: 'DEFAULT' },
    signals: combine(framework, fractions(options.fractions), current, previous),
    warnings: options.warnings ?? [],
    carerCount: current.total,
    suppressed: false,
  };
}

const indicator = (result: SignalReport, signal: SignalKey, key: IndicatorKey) =>
  result.signals[signal].indicators.find((i) => i.key === key)!;
const allIndicators = (result: SignalReport) => SIGNAL_KEYS.flatMap((key) => result.signals[key].indicators);

const warning = (kind: SignalWarning['kind'], signal: SignalKey | null): SignalWarning => ({
  kind,
  signal,
  message: `${kind} ${signal ?? ''}`,
  value: 0.1,
  threshold: 0.5,
  code: null,
});

describe('small-group suppression of signals', () => {
  it('counts as a small group 1 to threshold − 1 carers: never 0, never a figure not about carers', () => {
    expect([0, 1, 4, 5, 6].map((n) => isSmallGroup(n, 5))).toEqual([false, true, true, false, false]);
    expect(isSmallGroup(null, 5)).toBe(false);
    expect(isSmallGroup(1, 1)).toBe(false);
  });

  it('classifies attendance, invitation answers, quizzes and survey responses as carer-derived', () => {
    expect(CARER_DERIVED).toEqual([
      'invitationAcceptance',
      'declinesNotMistrust',
      'retention',
      'wordOfMouth',
      'reach',
      'attendancePerActivity',
      'feedbackResponse',
      'satisfaction',
      'understanding',
      'understandingGain',
    ]);
  });

  it('withholds every carer-derived figure of a report over 3 carers (threshold 5), and the signals counting them', () => {
    const original = report(carerCounts(3));
    const result = suppressSignalReport(original, 5);

    for (const key of CARER_DERIVED) {
      const withheld = allIndicators(result).find((i) => i.key === key)!;
      expect(withheld).toMatchObject({
        value: null,
        numerator: null,
        denominator: null,
        carerCount: null,
        suppressed: true,
      });
      expect(withheld.suppressionReason).toContain('fewer than 5 carers');
    }
    // Indicators about organisations, activities held, decisions and barriers stay as they were.
    for (const key of NOT_CARER_DERIVED) {
      const kept = allIndicators(result).find((i) => i.key === key)!;
      expect(kept).toEqual(allIndicators(original).find((i) => i.key === key));
      expect(kept).toMatchObject({ value: 0.5, suppressed: false, carerCount: null });
    }
    // Trust and engagement count withheld indicators: their values would give them back.
    for (const key of ['trust', 'engagement'] as const) {
      expect(original.signals[key].value).toBe(0.5);
      expect(result.signals[key]).toMatchObject({ value: null, suppressed: true, carerCount: null });
      expect(result.signals[key].suppressionReason).toContain('fewer than 5 carers');
    }
    expect(result.signals.trust.suppressionReason).toContain('retention');
    // Cohesion and co-creation are about partners and barriers only.
    for (const key of ['partnershipCohesion', 'coCreationBalance'] as const) {
      expect(result.signals[key]).toEqual(original.signals[key]);
      expect(result.signals[key]).toMatchObject({ value: 0.5, suppressed: false, carerCount: null });
    }
    expect(result).toMatchObject({ carerCount: null, suppressed: true });
    // The input is left alone.
    expect(original.signals.trust.value).toBe(0.5);
    expect(original.suppressed).toBe(false);
  });

  it('shows a report over 5 carers (threshold 5) as it is', () => {
    const original = report(carerCounts(5));
    const result = suppressSignalReport(original, 5);
    expect(result).toEqual(original);
    expect(result.carerCount).toBe(5);
    expect(indicator(result, 'trust', 'retention')).toMatchObject({ value: 0.5, carerCount: 5, suppressed: false });
  });

  it('takes the threshold as configured', () => {
    const original = report(carerCounts(3));
    expect(suppressSignalReport(original, 3)).toEqual(original);
    expect(suppressSignalReport(original, 4).signals.trust.suppressed).toBe(true);
    expect(suppressSignalReport(original, 4).signals.trust.suppressionReason).toContain('fewer than 4 carers');
    // A threshold of 1 withholds nothing.
    expect(suppressSignalReport(report(carerCounts(1)), 1)).toEqual(report(carerCounts(1)));
    expect(() => suppressSignalReport(original, 0)).toThrow(RangeError);
    expect(() => suppressSignalReport(original, 2.5)).toThrow(RangeError);
  });

  it('leaves figures over 0 carers unmarked: without data they are null already, with data nobody is in them', () => {
    const original = report(carerCounts(10, { declinesNotMistrust: 0, reach: 0 }), {
      // No declines in the window (no data); reach 0 of a target of 6 (data, nobody reached).
      fractions: { declinesNotMistrust: { numerator: 0, denominator: 0 }, reach: { numerator: 0, denominator: 6 } },
    });
    const result = suppressSignalReport(original, 5);
    expect(indicator(result, 'trust', 'declinesNotMistrust')).toMatchObject({
      value: null,
      carerCount: 0,
      suppressed: false,
      included: false,
    });
    expect(indicator(result, 'engagement', 'reach')).toMatchObject({ value: 0, carerCount: 0, suppressed: false });
    expect(result).toEqual(original);
  });

  it('withholds only the signals counting a withheld indicator, with the indicator named', () => {
    const result = suppressSignalReport(report(carerCounts(12, { understandingGain: 2 })), 5);
    expect(indicator(result, 'engagement', 'understandingGain')).toMatchObject({ value: null, suppressed: true });
    expect(indicator(result, 'engagement', 'understanding')).toMatchObject({ value: 0.5, carerCount: 12 });
    expect(result.signals.engagement).toMatchObject({ value: null, suppressed: true, carerCount: 12 });
    expect(result.signals.engagement.suppressionReason).toContain('understandingGain');
    expect(result.signals.engagement.note).toContain('withheld');
    expect(result.signals.trust).toMatchObject({ value: 0.5, suppressed: false, carerCount: 12 });
    expect(result).toMatchObject({ carerCount: 12, suppressed: true });
  });

  it('keeps a signal whose withheld indicator does not count in it (weight 0, or no data)', () => {
    const definition = DEFAULT_FRAMEWORK.definition;
    const framework: SignalFramework = {
      ...DEFAULT_FRAMEWORK,
      definition: {
        ...definition,
        signals: {
          ...definition.signals,
          trust: {
            ...definition.signals.trust,
            indicators: definition.signals.trust.indicators.map((i) =>
              i.key === 'retention' ? { ...i, weight: 0 } : i,
            ),
          },
        },
      },
    };
    const weightless = suppressSignalReport(report(carerCounts(12, { retention: 2 }), { framework }), 5);
    expect(indicator(weightless, 'trust', 'retention')).toMatchObject({ suppressed: true, value: null });
    expect(weightless.signals.trust).toMatchObject({ value: 0.5, suppressed: false });

    // Feedback responses with no attendance to relate them to: no value, so the signal does not count it.
    const withoutData = suppressSignalReport(
      report(carerCounts(12, { feedbackResponse: 2 }), {
        fractions: { feedbackResponse: { numerator: 2, denominator: 0 } },
      }),
      5,
    );
    expect(indicator(withoutData, 'engagement', 'feedbackResponse')).toMatchObject({
      suppressed: true,
      numerator: null,
    });
    expect(withoutData.signals.engagement).toMatchObject({ value: 0.5, suppressed: false });
  });

  it('withholds the previous value by the previous window’s carers, and the warnings that would tell a withheld value', () => {
    const warnings = [
      warning('BELOW_THRESHOLD', 'trust'),
      warning('DROPPED', 'engagement'),
      warning('BELOW_THRESHOLD', 'partnershipCohesion'),
      warning('DROPPED', 'coCreationBalance'),
      warning('BARRIER_REPEATED', null),
    ];
    // This window: retention over 3 carers (trust withheld). The window before: understanding over 2.
    const result = suppressSignalReport(
      report(carerCounts(20, { retention: 3 }), { previous: carerCounts(20, { understanding: 2 }), warnings }),
      5,
    );
    expect(result.signals.trust).toMatchObject({ value: null, suppressed: true, previousValue: 0.5 });
    expect(result.signals.trust.previousValueSuppressed).toBe(false);
    expect(result.signals.engagement).toMatchObject({
      value: 0.5,
      suppressed: false,
      previousValue: null,
      previousValueSuppressed: true,
    });
    // Trust's threshold warning and engagement's drop would bound withheld values; the others stay.
    expect(result.warnings.map((w) => `${w.kind} ${w.signal}`)).toEqual([
      'BELOW_THRESHOLD partnershipCohesion',
      'DROPPED coCreationBalance',
      'BARRIER_REPEATED null',
    ]);
  });

  it('suppresses each period of a series by its own carers', () => {
    const small = report(carerCounts(2));
    const large = report(carerCounts(30), { previous: carerCounts(2) });
    const series = {
      scope: { projectId: 'p' },
      granularity: 'MONTH' as const,
      from: WINDOW.from,
      to: WINDOW.to,
      asOf: null,
      knownAt: null,
      framework: small.framework,
      periods: [small, large],
    };
    const result = suppressSignalSeries(series, 5);
    expect(result.periods[0]!.signals.trust).toMatchObject({ value: null, suppressed: true });
    // The second period is shown, but its previous value is the first period's withheld value.
    expect(result.periods[1]!.signals.trust).toMatchObject({
      value: 0.5,
      suppressed: false,
      previousValue: null,
      previousValueSuppressed: true,
    });
    expect(result.periods[1]!.carerCount).toBe(30);
  });

  it('suppresses both sides of a comparison', () => {
    const [left, right] = suppressSignalComparison([report(carerCounts(4)), report(carerCounts(40))], 5);
    expect(left!.signals.engagement.suppressed).toBe(true);
    expect(right!.signals.engagement).toMatchObject({ value: 0.5, suppressed: false });
  });

  it('gives the same result when applied twice', () => {
    const once = suppressSignalReport(report(carerCounts(3, { reach: 12 })), 5);
    expect(suppressSignalReport(once, 5)).toEqual(once);
  });
});
