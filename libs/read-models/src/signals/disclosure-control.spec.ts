import { describe, expect, it } from '@jest/globals';
import { combine } from './combine-signals.js';
import { DEFAULT_FRAMEWORK } from './default-framework.js';
import { reportForRestrictedRole, roundCount, roundSignalReport, roundToBase } from './disclosure-control.js';
import { INDICATOR_KEYS, SIGNAL_KEYS, type IndicatorKey, type SignalKey } from './framework.js';
import { INDICATORS_BY_KEY, type Fraction } from './indicators/index.js';
import type { CarerCounts, SignalReport, SignalWarning } from './signal-report.js';
import { suppressSignalReport } from './signal-suppression.js';

const CARER_DERIVED = INDICATOR_KEYS.filter((key) => INDICATORS_BY_KEY.get(key)!.carers !== undefined);

/** Every carer-derived indicator over `carers` carers. */
const carers = (count: number): CarerCounts => ({
  byIndicator: new Map(CARER_DERIVED.map((key) => [key, count] as const)),
  bySignal: new Map(SIGNAL_KEYS.map((key) => [key, count] as const)),
  total: count,
});

/** A hand-built month: every indicator at 12/20 unless told otherwise, over `count` carers. */
function month(
  count: number,
  overrides: Partial<Record<IndicatorKey, Fraction>> = {},
  warnings: SignalWarning[] = [],
): SignalReport {
  const fractions = new Map(
    INDICATOR_KEYS.map((key) => [key, overrides[key] ?? { numerator: 12, denominator: 20 }] as const),
  );
  const previous = combine(DEFAULT_FRAMEWORK, fractions, carers(count));
  return {
    scope: { projectId: 'p' },
    window: { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') },
    asOf: null,
    knownAt: null,
    framework: { id: 'default', version: 1, name: DEFAULT_FRAMEWORK.definition.name, source: 'DEFAULT' },
    signals: combine(DEFAULT_FRAMEWORK, fractions, carers(count), previous),
    warnings,
    carerCount: count,
    suppressed: false,
  };
}

/** As a researcher sees it: small groups withheld, then rounded where it leaves the API. */
const asResearcher = (report: SignalReport) => reportForRestrictedRole(report, 5);
const indicator = (report: SignalReport, signal: SignalKey, key: IndicatorKey) =>
  report.signals[signal].indicators.find((i) => i.key === key)!;

describe('disclosure control against differencing (rounding)', () => {
  it('rounds to the nearest multiple of the base, halves up; a positive count never to 0', () => {
    expect([0, 2, 2.5, 3, 7, 7.5, 12, 13, -2.4, -2.6].map((v) => roundToBase(v, 5))).toEqual([
      0, 0, 5, 5, 5, 10, 10, 15, 0, -5,
    ]);
    expect([3.4, 3.5, 0.49].map((v) => roundToBase(v, 1))).toEqual([3, 4, 0]);
    expect([0, 1, 2, 6, 8].map((v) => roundCount(v))).toEqual([0, 5, 5, 5, 10]);
  });

  // One carer's after-course quiz (7 correct answers out of 10) is recorded between two asOf
  // moments; each result is over at least 5 carers, so small-group suppression withholds nothing.
  const before = month(5, { understanding: { numerator: 35, denominator: 50 } });
  const after = month(6, { understanding: { numerator: 42, denominator: 60 } });

  it('without the control, subtracting two results over 5 and 6 carers gives the sixth carer’s score', () => {
    const [a, b] = [before, after].map((r) => suppressSignalReport(r, 5));
    const [u1, u2] = [a!, b!].map((r) => indicator(r, 'engagement', 'understanding'));
    expect(u1!.suppressed || u2!.suppressed).toBe(false);
    expect(u2!.numerator! - u1!.numerator!).toBe(7);
    expect(u2!.denominator! - u1!.denominator!).toBe(10);
    // The values and the counts alone give it as well: 0.7 × 60 − 0.7 × 50 = 7 correct answers.
    expect(u2!.value! * u2!.denominator! - u1!.value! * u1!.denominator!).toBeCloseTo(7, 9);
  });

  it('with the control, what a researcher sees of the two results leaves the score undetermined', () => {
    const [u1, u2] = [asResearcher(before), asResearcher(after)].map((r) =>
      indicator(r, 'engagement', 'understanding'),
    );
    // 35 → 35, 42 → 40; 50 → 50, 60 → 60: the values are computed from the rounded counts.
    expect(u1).toMatchObject({ numerator: 35, denominator: 50, value: 0.7, carerCount: 5 });
    expect(u2).toMatchObject({ numerator: 40, denominator: 60, value: 0.666666666667, carerCount: 5 });
    // Every score k of 0..10 correct for which some hidden numerator explains both results is possible.
    const possible = Array.from({ length: 11 }, (_, k) => k).filter((k) =>
      Array.from({ length: 61 }, (_, s) => s).some(
        (s) => roundToBase(s, 5) === u1!.numerator && roundToBase(s + k, 5) === u2!.numerator,
      ),
    );
    expect(possible).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('computes a signal from its indicators’ rounded values, so that the composite gives nothing back', () => {
    const shown = asResearcher(after).signals.engagement;
    const included = shown.indicators.filter((i) => i.included);
    const mean = included.reduce((sum, i) => sum + i.weight * i.value!, 0) / shown.includedWeight;
    expect(shown.value).toBeCloseTo(mean, 12);
    expect(shown.value).not.toBeCloseTo(after.signals.engagement.value!, 6);
    expect(shown.carerCount).toBe(5);
    expect(shown.note).toContain('rounded');
  });

  it('rounds carer-derived figures only: counts to 5, score sums to whole numbers, the rest exact', () => {
    const report = asResearcher(
      month(8, {
        satisfaction: { numerator: 5.3, denominator: 8 },
        reach: { numerator: 8, denominator: 6 },
        attendancePerActivity: { numerator: 13, denominator: 9 },
        understandingGain: { numerator: 1.6, denominator: 2.4 },
      }),
    );
    expect(indicator(report, 'engagement', 'satisfaction')).toMatchObject({
      numerator: 5,
      denominator: 10,
      value: 0.5,
    });
    expect(indicator(report, 'engagement', 'reach')).toMatchObject({ numerator: 10, denominator: 6, value: 1 });
    expect(indicator(report, 'engagement', 'attendancePerActivity')).toMatchObject({ numerator: 15, denominator: 9 });
    expect(indicator(report, 'engagement', 'understandingGain')).toMatchObject({
      numerator: 2,
      denominator: 2,
      value: 1,
    });
    expect(indicator(report, 'engagement', 'delivery')).toMatchObject({
      numerator: 12,
      denominator: 20,
      carerCount: null,
    });
    // Partnership cohesion is about organisations: as computed, previous value included.
    expect(report.signals.partnershipCohesion).toEqual(month(8).signals.partnershipCohesion);
    expect(report.carerCount).toBe(10);
  });

  it('withholds the previous value of a carer-derived signal and tells its warnings from the rounded value', () => {
    const warn = (kind: SignalWarning['kind'], signal: SignalKey | null): SignalWarning => ({
      kind,
      signal,
      message: kind,
      value: 0.1,
      threshold: 0.5,
      code: null,
    });
    const original = month(10, { invitationAcceptance: { numerator: 1, denominator: 10 } }, [
      warn('FRAMEWORK_NOT_REGISTERED', null),
      warn('DROPPED', 'trust'),
      warn('DROPPED', 'partnershipCohesion'),
      warn('BARRIER_REPEATED', null),
    ]);
    const report = asResearcher(original);
    expect(report.signals.trust).toMatchObject({ previousValue: null, previousValueSuppressed: true });
    expect(report.signals.partnershipCohesion.previousValue).toBe(original.signals.partnershipCohesion.previousValue);
    const trust = report.signals.trust.value!;
    // Acceptance 1/10 → 0/10 and the other answers 12/20 → 10/20: trust below the default 0.5,
    // told from the rounded value; the drop of trust is left out, cohesion's kept.
    expect(trust).toBeLessThan(0.5);
    expect(report.warnings.map((w) => [w.kind, w.signal])).toEqual([
      ['FRAMEWORK_NOT_REGISTERED', null],
      ['BELOW_THRESHOLD', 'trust'],
      ['DROPPED', 'partnershipCohesion'],
      ['BARRIER_REPEATED', null],
    ]);
    expect(report.warnings[1]).toMatchObject({ value: trust, threshold: 0.5 });
    expect(report.warnings[1]!.message).toContain(trust.toFixed(2));
  });

  it('is deterministic and idempotent', () => {
    expect(asResearcher(after)).toEqual(asResearcher(after));
    expect(roundSignalReport(asResearcher(after))).toEqual(asResearcher(after));
  });
});
