import { describe, expect, it } from '@jest/globals';
import type { SignalReport } from './signal-report.js';
import { suppressSignalReport } from './signal-suppression.js';
import { FEBRUARY, indicator, MARCH, projectedPilot, P } from './testing/signals-pilot-history.js';

// The pilot history (testing/signals-pilot-history.ts) works out every expected value by hand.
describe('signals computed from hand-built facts', () => {
  const pilot = projectedPilot();

  it('uses the default framework when the territory adopted none', () => {
    expect(pilot.march.framework).toMatchObject({ id: 'default', version: 1, source: 'DEFAULT' });
    expect(pilot.march.window).toEqual(MARCH);
  });

  it('computes trust', () => {
    const trust = pilot.march.signals.trust;
    // Answers in March: accepted c1, c2, c3; declined c4 (mistrust), c5 (no time) → 3 / 5.
    expect(indicator(trust, 'invitationAcceptance')).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    // Declines: 2, of which 1 not for mistrust → 1 / 2.
    expect(indicator(trust, 'declinesNotMistrust')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // Carers attending in March: c1 (A2, A3), c2 (A2), c6 (A1 in Feb, A2) → ≥ 2 attendances by 1 April: c1, c6 → 2 / 3.
    expect(indicator(trust, 'retention')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(trust, 'retention').value).toBeCloseTo(2 / 3, 10);
    // Accepted in March: c1 and c3 by word of mouth, c2 by provider → 2 / 3.
    expect(indicator(trust, 'wordOfMouth')).toMatchObject({ numerator: 2, denominator: 3 });
    // Trust barriers alive in March: B2 (resolved 25 March), B3 (open); B1 was resolved in February → 1 / 2.
    expect(indicator(trust, 'trustBarriersResolved')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    // (1×0.6 + 1×0.5 + 1×2/3 + 0.5×2/3 + 1×0.5) / (1 + 1 + 1 + 0.5 + 1) = 2.6 / 4.5
    expect(trust.value).toBeCloseTo(2.6 / 4.5, 10);
    expect(trust.includedWeight).toBe(4.5);
  });

  it('computes engagement', () => {
    const engagement = pilot.march.signals.engagement;
    // Distinct carers who attended by 1 April: c6, c1, c2 = 3; target 30 eligible × 0.2 = 6 → 0.5.
    expect(indicator(engagement, 'reach')).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
    // Attendances in March: A2 ×3 + A3 ×1 = 4; held in March: A2, A3, A5 = 3 × norm 8 = 24 → 1/6.
    expect(indicator(engagement, 'attendancePerActivity')).toMatchObject({ numerator: 4, denominator: 24 });
    // Held A2, A3, A5; cancelled A4 → 3 / 4.
    expect(indicator(engagement, 'delivery')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    // March is 1 pilot month: expected 1 training + 1 peer + 1/4 committee = 2.25;
    // held capped per kind: min(1,1) + min(1,1) + min(1,0.25) = 2.25 → 1.
    expect(indicator(engagement, 'cadence')).toMatchObject({ numerator: 2.25, denominator: 2.25, value: 1 });
    // Carer-affecting: D1 (consulted after its revision), D2 (not), cancellation A4 (not) → 1 / 3.
    expect(indicator(engagement, 'decisionsConsulted')).toMatchObject({ numerator: 1, denominator: 3 });
    // D1, D2 affect carers; D2 contested by a carer → 1 / 2.
    expect(indicator(engagement, 'decisionsUncontested')).toMatchObject({ numerator: 1, denominator: 2 });
    // Carers' suggestions answered in March: S1 adopted, S2 declined (S3 is a researcher's) → 1 / 2.
    expect(indicator(engagement, 'suggestionUptake')).toMatchObject({ numerator: 1, denominator: 2 });
    // 2 survey responses / 4 attendances → 0.5.
    expect(indicator(engagement, 'feedbackResponse')).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    // Scores: (3/3 + 3/3 + 2/3) / 3 = 8/9 and (4/4 + 3/4) / 2 = 7/8 → (8/9 + 7/8) / 2 = 127/144.
    expect(indicator(engagement, 'satisfaction').denominator).toBe(2);
    expect(indicator(engagement, 'satisfaction').value).toBeCloseTo(127 / 144, 10);
    // After-course quizzes: c1 3/3, c2 2/3 → 5 / 6.
    expect(indicator(engagement, 'understanding')).toMatchObject({ numerator: 5, denominator: 6 });
    // Gains: c1 1 − 1/3 = 2/3 (room 2/3), c2 2/3 − 2/3 = 0 (room 1/3) → (2/3) / 1.
    expect(indicator(engagement, 'understandingGain').value).toBeCloseTo(2 / 3, 10);
    // 0.5 + 1/6 + 3/4 + 1 + 1/3 + 0.5×1/2 + 1/2 + 0.5×1/2 + 127/144 + 5/6 + 0.5×2/3, over weights 9.5:
    // in 144ths: 72 + 24 + 108 + 144 + 48 + 36 + 72 + 36 + 127 + 120 + 48 = 835 → 835 / 144 / 9.5
    expect(engagement.value).toBeCloseTo(835 / 144 / 9.5, 10);
  });

  it('computes partnership cohesion', () => {
    const cohesion = pilot.march.signals.partnershipCohesion;
    // M1 held, M2 missed → 1 / 2.
    expect(indicator(cohesion, 'coordinationMeetingsHeld')).toMatchObject({ numerator: 1, denominator: 2 });
    // Partners on 1 April: a, b, c (d left). Latest roles: a clarified, b unclear since 15 March, c never → 1 / 3.
    expect(indicator(cohesion, 'rolesClarified')).toMatchObject({ numerator: 1, denominator: 3 });
    // Alive concerns: K1 (resolved 20 March), K2 (open); K3 resolved in February → 1 / 2.
    expect(indicator(cohesion, 'concernsResolved')).toMatchObject({ numerator: 1, denominator: 2 });
    // M1 (March) gathered a, b, d; among current partners only the pair (a, b) met; possible pairs 3·2/2 = 3.
    expect(indicator(cohesion, 'interactionDensity')).toMatchObject({ numerator: 1, denominator: 3 });
    // Committee meeting A5: a (two members, counted once) and c present, of 3 current partners → 2 / 3.
    expect(indicator(cohesion, 'partnerAttendance')).toMatchObject({ numerator: 2, denominator: 3 });
    // (1/2 + 1/3 + 1/2 + 1/3 + 2/3) / 5 = 7/3 / 5 = 7/15
    expect(cohesion.value).toBeCloseTo(7 / 15, 10);
  });

  it('computes the co-creation balance', () => {
    const balance = pilot.march.signals.coCreationBalance;
    // Alive in March: B2 (resolved at the end), B3, B4 → 1 / 3.
    expect(indicator(balance, 'barriersResolved')).toMatchObject({ numerator: 1, denominator: 3 });
    // 3 positive outcomes, 1 negative effect → 3 / 4.
    expect(indicator(balance, 'outcomeBalance')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    // Due by 1 April: B2 (deadline 22 March; first acted on 25 March, 33 days: late) and B4 (acted on after 10 days);
    // B3's deadline (9 April) has not passed → 1 / 2.
    expect(indicator(balance, 'adjustmentTimeliness')).toMatchObject({ numerator: 1, denominator: 2 });
    // (1/3 + 3/4 + 1/2) / 3 = 19/36
    expect(balance.value).toBeCloseTo(19 / 36, 10);
  });

  it('leaves out indicators without data and renormalises the weights, saying so', async () => {
    const february = await pilot.harness.reader.report({ scope: { projectId: P }, window: FEBRUARY });
    const balance = february.signals.coCreationBalance;
    // Alive in February: B1 (resolved on 15 Feb), B2 (open) → 1/2. No coded observation → left out.
    // B1 first acted on 36 days after it was seen (late); B2 not due before 1 March → 0 / 1.
    expect(indicator(balance, 'outcomeBalance')).toMatchObject({ denominator: 0, value: null, included: false });
    expect(indicator(balance, 'barriersResolved')).toMatchObject({
      numerator: 1,
      denominator: 2,
      effectiveWeight: 0.5,
    });
    expect(indicator(balance, 'adjustmentTimeliness')).toMatchObject({ numerator: 0, denominator: 1 });
    // (1 × 0.5 + 1 × 0) / 2
    expect(balance.value).toBe(0.25);
    expect(balance.note).toContain('outcomeBalance');
    expect(balance.note).toContain('renormalised');
    // February trust: acceptance 1/1; no declines (left out); retention 0/1 (c6 came once by 1 March);
    // word of mouth 0/1; trust barriers alive B1 (resolved), B2 (open) → 1/2.
    // (1 + 0 + 0.5 × 0 + 0.5) / (1 + 1 + 0.5 + 1) = 1.5 / 3.5
    expect(february.signals.trust.value).toBeCloseTo(1.5 / 3.5, 10);
    // The March report compares with February.
    expect(pilot.march.signals.trust.previousValue).toBeCloseTo(1.5 / 3.5, 10);
  });

  it('warns below the thresholds', () => {
    // Cohesion 7/15 ≈ 0.47 < 0.5.
    expect(pilot.march.warnings).toContainEqual(
      expect.objectContaining({ kind: 'BELOW_THRESHOLD', signal: 'partnershipCohesion', threshold: 0.5 }),
    );
    expect(pilot.march.warnings.some((w) => w.kind === 'BELOW_THRESHOLD' && w.signal === 'trust')).toBe(false);
  });

  describe('carers behind the figures (small-group suppression counts them)', () => {
    const carers = (report: SignalReport) =>
      Object.fromEntries(
        Object.values(report.signals).flatMap((signal) => signal.indicators.map((i) => [i.key, i.carerCount])),
      );

    it('counts the distinct carers whose own facts each indicator was computed from in the window', () => {
      expect(carers(pilot.march)).toMatchObject({
        // Invitation answers in March: c1, c2, c3 accepted (c1, c3 by word of mouth), c4, c5 declined.
        invitationAcceptance: 5,
        declinesNotMistrust: 2,
        wordOfMouth: 3,
        // Attendances in March: A2 c1, c2, c6 and A3 c1 — 4 attendances, 3 distinct carers.
        retention: 3,
        attendancePerActivity: 3,
        // Reached by 1 April: c6 (February), c1, c2.
        reach: 3,
        // Responses: c1 and one anonymous response (a carer of its own); with the attendees c1, c2, c6.
        satisfaction: 2,
        feedbackResponse: 4,
        // After-course quizzes: c1, c2, both with a before-quiz.
        understanding: 2,
        understandingGain: 2,
        // Not derived from carers' facts.
        trustBarriersResolved: null,
        delivery: null,
        cadence: null,
        decisionsConsulted: null,
        decisionsUncontested: null,
        suggestionUptake: null,
        rolesClarified: null,
        partnerAttendance: null,
        outcomeBalance: null,
      });
      expect(indicator(pilot.march.signals.engagement, 'attendancePerActivity').numerator).toBe(4);
      // Unions, not sums: trust c1–c6; engagement c1, c2, c6 and the anonymous respondent.
      expect(pilot.march.signals.trust.carerCount).toBe(6);
      expect(pilot.march.signals.engagement.carerCount).toBe(4);
      expect(pilot.march.signals.partnershipCohesion.carerCount).toBeNull();
      expect(pilot.march.signals.coCreationBalance.carerCount).toBeNull();
      expect(pilot.march.carerCount).toBe(7);
      // previousValue's indicators, over February: c6 accepted, and attended A1.
      expect(pilot.march.signals.trust.previousIndicators).toContainEqual({
        key: 'invitationAcceptance',
        included: true,
        carerCount: 1,
      });
      expect(pilot.march.suppressed).toBe(false);
    });

    it('counts only the facts visible as of the moment asked, not the project’s carers', async () => {
      // 5 March, 16:00: c5's decline (6 March), the after-course quizzes (17:00) and the surveys are yet to come.
      const early = await pilot.harness.reader.report({
        scope: { projectId: P },
        window: MARCH,
        asOf: new Date('2025-03-05T16:00:00Z'),
      });
      expect(carers(early)).toMatchObject({
        invitationAcceptance: 4,
        declinesNotMistrust: 1,
        wordOfMouth: 3,
        retention: 3,
        reach: 3,
        satisfaction: 0,
        feedbackResponse: 3,
        understanding: 0,
        understandingGain: 0,
      });
      expect(early.carerCount).toBe(5);
      // The first quarter adds c6's February answer; the territory adds Q's q1 and q2.
      const quarter = await pilot.harness.reader.report({
        scope: { projectId: P },
        window: { from: new Date('2025-01-01T00:00:00Z'), to: MARCH.to },
      });
      expect(carers(quarter).invitationAcceptance).toBe(6);
      const valley = await pilot.harness.reader.report({ scope: { territoryId: 'valley' }, window: MARCH });
      expect(carers(valley)).toMatchObject({ invitationAcceptance: 7, reach: 3 });
    });

    it('lets small-group suppression withhold what was computed over too few carers', () => {
      const suppressed = suppressSignalReport(pilot.march, 5);
      // Declines (2 carers) and reach (3) among others: trust and engagement withheld; cohesion untouched.
      expect(indicator(suppressed.signals.trust, 'invitationAcceptance')).toMatchObject({
        value: 0.6,
        suppressed: false,
      });
      expect(indicator(suppressed.signals.trust, 'declinesNotMistrust')).toMatchObject({
        value: null,
        suppressed: true,
      });
      expect(suppressed.signals.trust).toMatchObject({ value: null, suppressed: true });
      expect(suppressed.signals.engagement).toMatchObject({ value: null, suppressed: true });
      expect(suppressed.signals.partnershipCohesion.value).toBeCloseTo(7 / 15, 10);
      expect(suppressed).toMatchObject({ carerCount: 7, suppressed: true });
      expect(suppressSignalReport(pilot.march, 2).signals.trust.value).toBeCloseTo(2.6 / 4.5, 10);
    });
  });
});
