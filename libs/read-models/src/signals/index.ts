export * from './facts.js';
export * from './signal-facts.projection.js';
export * from './framework.js';
export * from './default-framework.js';
export * from './framework-store.js';
export * from './indicators.js';
export * from './periods.js';
export * from './signal-reader.js';
