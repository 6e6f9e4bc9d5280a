import { describe, expect, it } from '@jest/globals';
import {
  auditFilterInput,
  auditProblems,
  EMPTY_FIELDS,
  hasFilters,
  readAuditParams,
  writeAuditParams,
} from './audit-filter';

describe('operations view: audit filters', () => {
  it('reads filters, page size and cursor from the URL', () => {
    const params = readAuditParams(
      new URLSearchParams('eventType=ActivityCancelled&from=2025-02-01&first=50&after=abc&unknown=1'),
    );
    expect(params).toEqual({
      fields: { ...EMPTY_FIELDS, eventType: 'ActivityCancelled', from: '2025-02-01' },
      first: 50,
      after: 'abc',
    });
    expect(readAuditParams(new URLSearchParams('first=7')).first).toBe(20);
  });

  it('writes only the filters given, back on the first page', () => {
    const url = writeAuditParams({ ...EMPTY_FIELDS, actorId: ' admin-1 ', projectId: '' }, 20);
    expect(url.toString()).toBe('actorId=admin-1');
    expect(writeAuditParams(EMPTY_FIELDS, 100).toString()).toBe('first=100');
  });

  it('turns the days into a half-open window that includes the last day', () => {
    expect(
      auditFilterInput({ ...EMPTY_FIELDS, organisationId: 'org-home-care', from: '2025-02-01', to: '2025-02-28' }),
    ).toEqual({ organisationId: 'org-home-care', from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' });
    expect(auditFilterInput(EMPTY_FIELDS)).toEqual({});
  });

  it('says what the API would refuse before asking it', () => {
    expect(auditProblems({ ...EMPTY_FIELDS, actorId: 'has space', from: '2025-03-02', to: '2025-03-01' })).toEqual([
      'Actor: an id is 1 to 100 letters, digits, _ - . or :.',
      'From comes after To.',
    ]);
    expect(auditProblems({ ...EMPTY_FIELDS, eventType: 'ActivityCancelled', to: '2025-03-01' })).toEqual([]);
    expect(hasFilters(EMPTY_FIELDS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FIELDS, to: '2025-03-01' })).toBe(true);
  });
});
