// What runs the read models: the registry of projections and the Nest wiring (consistency waits,
// commit announcements). Each read model is reached through its own entry point instead:
// `#read-models/directory`, `#read-models/signals`, `#read-models/report`, `#read-models/warnings`,
// `#read-models/audit`, `#read-models/inventory`. Also the reasons their queries refuse with, for docs/errors.md.
export * from './registry.js';
export * from './error-reasons.js';
export * from './nest/projections.module.js';
export * from './nest/consistency.service.js';
export * from './nest/projection-events.js';
export * from './nest/watch.js';
