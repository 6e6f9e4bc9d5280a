export * from './report-facts.js';
export * from './report-facts.projection.js';
export * from './pilot-months.js';
export * from './report-reader.js';
export * from './suppression.js';
