import { reasonError, type AnyReasonList } from '#domain';

/** Reasons of the audit trail query (docs/audit.md). */
export const AUDIT_ERROR_REASONS = {
  INVALID_EVENT_TYPE: {
    category: 'invalid',
    description: '`eventType` is not an event type name such as `ActivityCancelled` (letters, digits, `_ - . :`).',
  },
} as const satisfies AnyReasonList;

export const auditError = reasonError(AUDIT_ERROR_REASONS);
