import type { ErrorReasonSection } from '#domain';
import { AUDIT_ERROR_REASONS } from './audit/audit.reasons.js';
import { CONSISTENCY_ERROR_REASONS } from './nest/consistency.reasons.js';
import { REPORT_ERROR_REASONS } from './report/report.reasons.js';
import { READ_SIDE_ERROR_REASONS } from './shared/read-side.reasons.js';
import { SIGNALS_ERROR_REASONS } from './signals/signals.reasons.js';
import { WARNINGS_ERROR_REASONS } from './warnings/warnings.reasons.js';

/** Every reason the read models' queries refuse with, in the order docs/errors.md lists them (after the domain's). */
export const READ_SIDE_ERROR_REASON_SECTIONS: readonly ErrorReasonSection[] = [
  {
    title: 'Read side: shared',
    thrownBy:
      "Thrown by the read models' queries (signals, warnings, the assessment report, the audit trail) when they check their arguments, or when the project or territory asked for is unknown.",
    reasons: READ_SIDE_ERROR_REASONS,
  },
  {
    title: 'Read side: read-your-writes',
    thrownBy:
      'Reported by every query that takes `atLeastPosition`, before it reads (GraphQL errors with a code of their own, no `details`).',
    reasons: CONSISTENCY_ERROR_REASONS,
  },
  {
    title: 'Read side: signals',
    thrownBy:
      'Thrown by the signal queries and the signal framework registry (docs/signals.md), besides the shared reasons of the read side.',
    reasons: SIGNALS_ERROR_REASONS,
  },
  {
    title: 'Read side: warnings',
    thrownBy: 'Thrown by the warnings query (docs/warnings.md), besides the shared reasons of the read side.',
    reasons: WARNINGS_ERROR_REASONS,
  },
  {
    title: 'Read side: assessment report',
    thrownBy:
      'Thrown by the assessment report query (docs/assessment-report.md), besides the shared reasons of the read side.',
    reasons: REPORT_ERROR_REASONS,
  },
  {
    title: 'Read side: audit trail',
    thrownBy: 'Thrown by the audit trail query (docs/audit.md), besides the shared reasons of the read side.',
    reasons: AUDIT_ERROR_REASONS,
  },
];
