export * from './database.js';
export * from './copy-text.js';
export * from './pg-database.js';
export * from './pglite-database.js';
export * from './migrator.js';
export * from './nest/database.module.js';
export * from './data-directory-lock.js';
