import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SignalReport } from './signal-report.js';
import { fact, SignalsHarness, type HistoryEvent } from './testing/signals-harness.js';

/**
 * History migrated into the platform keeps when each record was first known (metadata
 * `knownSince`, written only by the seed or an admin's import): `knownAt` reads it, `asOf` is
 * unchanged, and the store's own recordedAt stays what it was.
 */
const P = 'ks-p';
const WINDOW = { from: new Date('2025-01-01T00:00:00.000Z'), to: new Date('2025-04-01T00:00:00.000Z') };

const migrated = (history: HistoryEvent, knownSince: string): HistoryEvent => ({
  ...history,
  event: { ...history.event, metadata: { ...history.event.metadata, knownSince } },
});
const accepted = (carerId: string, at: string) =>
  fact('CarerInvitationAccepted', { projectId: P, carerId, invitationId: `i-${carerId}`, channel: 'gp' }, at);
const declined = (carerId: string, at: string) =>
  fact(
    'CarerInvitationDeclined',
    { projectId: P, carerId, invitationId: `i-${carerId}`, channel: 'gp', reason: 'mistrust', note: null },
    at,
  );

describe('signals over migrated history: knownAt reads when each record was first known', () => {
  let harness: SignalsHarness;
  const acceptance = (report: SignalReport) =>
    report.signals.trust.indicators.find((indicator) => indicator.key === 'invitationAcceptance');

  beforeAll(async () => {
    harness = await SignalsHarness.open();
    await harness.append([
      migrated(
        fact(
          'ProjectLaunched',
          {
            projectId: P,
            programmeId: null,
            territoryId: 'ks-valley',
            name: P,
            eligibleCarers: 20,
            pilotMonths: 6,
            startsOn: '2025-01-01',
            targets: {
              reachShare: 0.25,
              trainingCoursesPerMonth: 1,
              peerMeetingsPerMonth: 1,
              committeeEveryMonths: 3,
              satisfactionThreshold: 0.75,
              understandingThreshold: 0.75,
            },
          },
          '2025-01-01',
        ),
        '2025-01-01T12:00:00.000Z',
      ),
      // Entered as they happened.
      migrated(accepted('c1', '2025-01-10'), '2025-01-10T12:00:00.000Z'),
      migrated(accepted('c2', '2025-01-12'), '2025-01-12T12:00:00.000Z'),
      // A refusal of January, written down only in March.
      migrated(declined('c3', '2025-01-20'), '2025-03-15T09:00:00.000Z'),
    ]);
    await harness.project();
  });
  afterAll(() => harness.close());

  it('leaves out, at the end of February, the refusal first known in March', async () => {
    const knownThen = await harness.reader.report({
      scope: { projectId: P },
      window: WINDOW,
      knownAt: new Date('2025-02-28T23:59:59.000Z'),
    });
    expect(acceptance(knownThen)).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('counts it once known, and as of when it happened', async () => {
    const knownLater = await harness.reader.report({
      scope: { projectId: P },
      window: WINDOW,
      knownAt: new Date('2025-03-16T00:00:00.000Z'),
    });
    expect(acceptance(knownLater)).toMatchObject({ numerator: 2, denominator: 3 });
    const asHappened = await harness.reader.report({
      scope: { projectId: P },
      window: WINDOW,
      asOf: new Date('2025-02-28T23:59:59.000Z'),
    });
    expect(acceptance(asHappened)).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('keeps the store’s own recordedAt: the claim lives in the metadata only', async () => {
    const [refusal] = (await harness.log()).filter((event) => event.type === 'CarerInvitationDeclined');
    expect(refusal!.metadata.knownSince).toBe('2025-03-15T09:00:00.000Z');
    expect(refusal!.recordedAt.getTime()).toBeGreaterThan(Date.parse('2026-01-01T00:00:00.000Z'));
  });
});
