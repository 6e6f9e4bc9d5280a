export * from './projection.js';
export * from './runs.js';
export * from './runner.js';
export * from './engine.js';
export * from './admin.js';
export * from './status.js';
export * from './control.js';
export * from './migrations.js';
