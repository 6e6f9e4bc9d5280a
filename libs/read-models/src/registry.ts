import type { Projection } from '#projections';
import { auditProjection } from './audit/index.js';
import { directoryProjection } from './directory/index.js';
import { inventoryProjection } from './inventory/index.js';
import { reportFactsProjection } from './report/index.js';
import { signalFactsProjection } from './signals/index.js';
import { warningsProjection } from './warnings/index.js';

/** Every projection the platform runs; the projector (inline or standalone) runs exactly these. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  directoryProjection,
  signalFactsProjection,
  reportFactsProjection,
  inventoryProjection,
  warningsProjection,
  auditProjection,
];
