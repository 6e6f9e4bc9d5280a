export * from './principal.js';
export * from './errors.js';
export * from './signing-secret.js';
export * from './token-issuer.js';
export * from './token-verifier.js';
export * from './api-keys.js';
export { API_KEY_ERROR_REASONS, type ApiKeyReason } from './api-keys.reasons.js';
