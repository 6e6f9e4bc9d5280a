export * from './rules.js';
export * from './project-state.js';
export * from './warning-view.js';
export * from './warnings.projection.js';
export * from './signal-drops.js';
export * from './warnings-reader.js';
