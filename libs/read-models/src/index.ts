export * from './registry.js';
export * from './audit/index.js';
export * from './nest/projections.module.js';
export * from './nest/consistency.service.js';
export * from './nest/projection-events.js';
export * from './nest/watch.js';
