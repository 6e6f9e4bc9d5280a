export * from './audit.projection.js';
export * from './audit-reader.js';
