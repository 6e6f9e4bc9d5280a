import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { openPersonalData, sealPersonalData } from './envelope.js';
import { PersonalDataDecryptionError } from './errors.js';

const data = { fullName: 'Luigi Pedrotti', phone: null, email: 'luigi@example.org', address: null };

describe('personal data envelopes', () => {
  it('bind the envelope to the carer id: the same key under another carer id does not authenticate', () => {
    // With per-carer keys a moved envelope already fails on the key; the AAD still guards the
    // case of one key reused for two carers (a bug or an import), which only this level can show.
    const key = randomBytes(32);
    const envelope = sealPersonalData(key, 'key-1', 'carer-a', data);
    expect(openPersonalData(key, 'carer-a', envelope)).toEqual(data);
    expect(() => openPersonalData(key, 'carer-b', envelope)).toThrow(PersonalDataDecryptionError);
  });

  it('fail with the typed error under a wrong key', () => {
    const envelope = sealPersonalData(randomBytes(32), 'key-1', 'carer-a', data);
    let error: unknown;
    try {
      openPersonalData(randomBytes(32), 'carer-a', envelope);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PersonalDataDecryptionError);
    expect((error as PersonalDataDecryptionError).failure).toBe('NOT_AUTHENTIC');
    expect((error as PersonalDataDecryptionError).code).toBe('PERSONAL_DATA_NOT_DECRYPTABLE');
  });

  it('reject authentic plain text that is not personal data, without quoting it', () => {
    // Sealed by hand, as a buggy or foreign client at the edge might.
    const key = randomBytes(32);
    const envelope = sealPersonalData(key, 'key-1', 'carer-a', data);
    const garbage = { ...envelope };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from('carer-a'));
    const ciphertext = Buffer.concat([cipher.update('{"fullName":"","secret":"Luigi"}'), cipher.final()]);
    Object.assign(garbage, {
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
    });
    let error: unknown;
    try {
      openPersonalData(key, 'carer-a', garbage);
    } catch (caught) {
      error = caught;
    }
    expect((error as PersonalDataDecryptionError).failure).toBe('MALFORMED_PLAINTEXT');
    expect((error as Error).message).not.toContain('Luigi');
  });
});
