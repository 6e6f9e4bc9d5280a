import { reasonError, type AnyReasonList } from '#domain';

/** Reasons the projections admin refuses to pause, resume, retry, skip or rebuild a projection with. */
export const PROJECTION_ADMIN_ERROR_REASONS = {
  PROJECTION_NOT_FOUND: {
    category: 'not_found',
    description: 'There is no projection of this name (`details.projection`).',
  },
  PROJECTION_NOT_STARTED: {
    category: 'not_found',
    description:
      'The projection has no live generation yet: it is paused or resumed once it has started (`details.projection`).',
  },
  PROJECTION_NOT_FAILED: {
    category: 'conflict',
    description: 'The projection has no failed event to retry or skip.',
  },
  REBUILD_IN_PROGRESS: {
    category: 'conflict',
    description: 'The projection is already being rebuilt: a new generation is still filling.',
  },
} as const satisfies AnyReasonList;

export type ProjectionAdminReason = keyof typeof PROJECTION_ADMIN_ERROR_REASONS;

export const projectionAdminError = reasonError(PROJECTION_ADMIN_ERROR_REASONS);
