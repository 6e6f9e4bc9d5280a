/** Why an envelope could not be opened; none of these says anything about the plain text. */
export type PersonalDataDecryptionFailure =
  /** The envelope is not a well-formed aes-256-gcm envelope (bad base64, IV or tag length). */
  | 'MALFORMED_ENVELOPE'
  /** No key was ever created for this carer, so this vault never sealed the envelope. */
  | 'UNKNOWN_CARER_KEY'
  /** The envelope names another key than the carer's: it was sealed for someone else. */
  | 'KEY_MISMATCH'
  /** GCM authentication failed: ciphertext, IV, tag or carer id (the AAD) were altered. */
  | 'NOT_AUTHENTIC'
  /** It authenticated but does not hold personal data in the expected shape. */
  | 'MALFORMED_PLAINTEXT';

/**
 * An envelope that does not authenticate is tampering or corruption, never a normal outcome
 * (an erased carer yields 'erased' instead), so callers should alert rather than show a blank.
 * The message names the carer and key id only: never key material or plain text.
 */
export class PersonalDataDecryptionError extends Error {
  readonly code = 'PERSONAL_DATA_NOT_DECRYPTABLE' as const;
  constructor(
    readonly carerId: string,
    readonly failure: PersonalDataDecryptionFailure,
    message: string,
  ) {
    super(`Personal data of carer ${carerId} cannot be decrypted (${failure}): ${message}`);
    this.name = 'PersonalDataDecryptionError';
  }
}
