export * from './health.module.js';
export * from './read-models.health.js';
