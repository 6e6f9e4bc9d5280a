import { describe, expect, it } from '@jest/globals';
import type { WarningView } from '#read-models/warnings';
import { withheldValuesFor } from './withheld-values.js';

const drop = {
  id: 'w1',
  projectId: 'p1',
  rule: 'signal_drop',
  subjectType: 'signal',
  subjectId: 'trust',
  severity: 'critical',
  message: 'Trust fell from 1.00 in 2025-02 to 0.20 in 2025-03 (a drop of 0.80; the framework warns from 0.15)',
  details: {
    signal: 'trust',
    month: '2025-03',
    value: 0.2,
    previousValue: 1,
    drop: 0.8,
    threshold: 0.15,
    support: { unit: 'carers', value: 6, previousUnit: 'carers', previousValue: 7, minimum: { carers: 5, facts: 5 } },
  },
} as unknown as WarningView;

describe('signal drop values for roles that may not see individuals', () => {
  it('keeps them for providers', () => {
    expect(withheldValuesFor({ id: 'c1', role: 'provider', organisationId: 'o' }, drop)).toBe(drop);
  });

  it.each(['researcher', 'analyst', 'admin', 'carer'])(
    'withholds them from a %s, keeping what dropped and when',
    (role) => {
      const seen = withheldValuesFor({ id: 'x', role }, drop);
      expect(seen.details).toEqual({ signal: 'trust', month: '2025-03', threshold: 0.15, valuesWithheld: true });
      expect(seen.message).not.toMatch(/0\.2|1\.00|0\.80/);
      expect(seen).toMatchObject({ rule: 'signal_drop', subjectId: 'trust', severity: 'critical' });
    },
  );

  it('leaves other warnings alone', () => {
    const barrier = { ...drop, rule: 'barrier_open_too_long', details: { days: 61 } } as unknown as WarningView;
    expect(withheldValuesFor({ id: 'x', role: 'researcher' }, barrier)).toBe(barrier);
  });
});
