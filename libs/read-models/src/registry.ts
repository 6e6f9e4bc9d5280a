import type { Projection } from '#projections';
import { auditProjection } from './audit/audit.projection.js';
import { directoryProjection } from './directory/directory.projection.js';
import { reportFactsProjection } from './report/report-facts.projection.js';
import { signalFactsProjection } from './signals/signal-facts.projection.js';
import { warningsProjection } from './warnings/warnings.projection.js';

/** Every projection the platform runs; the projector (inline or standalone) runs exactly these. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  directoryProjection,
  signalFactsProjection,
  reportFactsProjection,
  warningsProjection,
  auditProjection,
];
