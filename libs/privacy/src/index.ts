// The pure seal/open functions in envelope.ts take raw keys and stay private to this library:
// outside it, keys are reachable only through CarerKeyVault, which never hands them out.
export * from './personal-data.js';
export * from './errors.js';
export * from './migrations.js';
export * from './carer-key-vault.js';
export * from './privacy.module.js';
export { PRIVACY_ERROR_REASONS, type PrivacyReason } from './privacy.reasons.js';
