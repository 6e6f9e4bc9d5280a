export * from './inputs.js';
export * from './numbers.js';
