export * from './inputs.js';
export * from './numbers.js';
export * from './read-side.reasons.js';
export * from './project-history.js';
export * from './stored-values.js';
export * from './scope-versions.js';
export * from './kept-results.js';
export * from './fact-rows.js';
