import { describe, expect, it } from '@jest/globals';
import { pilotMonth, pilotWindow } from './periods';

describe('dashboard periods', () => {
  it("counts a pilot's months from its start, none before it", () => {
    expect(pilotMonth('2024-01-08', new Date('2024-01-20T00:00:00Z'))).toBe(1);
    expect(pilotMonth('2024-01-08', new Date('2025-06-01T00:00:00Z'))).toBe(18);
    expect(pilotMonth('2024-01-08', new Date('2023-12-31T00:00:00Z'))).toBeNull();
  });

  it('spans the months of a finished pilot, extension included', () => {
    expect(pilotWindow('2024-01-08', 20, new Date('2026-12-06T00:00:00Z'))).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2025-09-01T00:00:00.000Z',
    });
  });

  it('stops at the month shown while the pilot runs, and keeps at most the last months asked for', () => {
    expect(pilotWindow('2024-01-08', 20, new Date('2024-05-10T00:00:00Z'))).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-06-01T00:00:00.000Z',
    });
    expect(pilotWindow('2024-01-08', 36, new Date('2026-12-06T00:00:00Z'), 12)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(pilotWindow('2024-01-08', 20, new Date('2023-06-01T00:00:00Z'))).toBeNull();
  });
});
