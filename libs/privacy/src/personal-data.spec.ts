import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import { requirePersonalData } from './personal-data.js';

function reason(value: unknown): string | null {
  try {
    requirePersonalData(value);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).reason;
  }
}

describe('requirePersonalData', () => {
  it('rebuilds the four known fields, trimmed, and drops anything else', () => {
    expect(
      requirePersonalData({
        fullName: ' Rosa Pini ',
        phone: ' 0342 555 010 ',
        email: 'rosa@example.it',
        address: '',
        diagnosis: 'not personal data we collect',
      }),
    ).toEqual({ fullName: 'Rosa Pini', phone: '0342 555 010', email: 'rosa@example.it', address: null });
  });

  it('accepts missing optional fields as null', () => {
    expect(requirePersonalData({ fullName: 'Rosa Pini' })).toEqual({
      fullName: 'Rosa Pini',
      phone: null,
      email: null,
      address: null,
    });
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'INVALID_PERSONAL_DATA'],
    ['an array', [], 'INVALID_PERSONAL_DATA'],
    ['no name', {}, 'REQUIRED'],
    ['a name that is not text', { fullName: 42 }, 'INVALID_PERSONAL_DATA'],
    ['a name over 200 characters', { fullName: 'x'.repeat(201) }, 'TOO_LONG'],
    ['an email without domain', { fullName: 'Rosa', email: 'rosa@' }, 'INVALID_EMAIL'],
    ['an email with a space', { fullName: 'Rosa', email: 'rosa pini@example.it' }, 'INVALID_EMAIL'],
    ['an email over 254 characters', { fullName: 'Rosa', email: `${'r'.repeat(250)}@ex.it` }, 'TOO_LONG'],
    ['a phone with two digits', { fullName: 'Rosa', phone: '12' }, 'INVALID_PHONE'],
    ['a phone in words', { fullName: 'Rosa', phone: 'ask her son' }, 'INVALID_PHONE'],
    ['a phone over 32 characters', { fullName: 'Rosa', phone: '1'.repeat(33) }, 'TOO_LONG'],
    ['an address over 500 characters', { fullName: 'Rosa', address: 'x'.repeat(501) }, 'TOO_LONG'],
  ])('rejects %s with %s', (_label, value, expected) => {
    expect(reason(value)).toBe(expected);
  });

  it('accepts the limits themselves', () => {
    expect(reason({ fullName: 'x'.repeat(200), phone: '+'.concat('1'.repeat(31)), address: 'x'.repeat(500) })).toBe(
      null,
    );
  });
});
