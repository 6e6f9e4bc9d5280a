/**
 * The directory read model: current-state tables of every record of the platform (the projection)
 * and the SQL that reads them (lists with filters and keyset pages, lookups by key, batched).
 * Readers return rows as the database gives them; turning them into API types is the API's job.
 */
export * from './directory.projection.js';
export * from './directory-query.js';
export * from './directory-reader.js';
export * from './activities.reader.js';
export * from './barriers.reader.js';
export * from './carers.reader.js';
export * from './channels.reader.js';
export * from './committee.reader.js';
export * from './decisions.reader.js';
export * from './evidence.reader.js';
export * from './organisations.reader.js';
export * from './partnership.reader.js';
export * from './programmes.reader.js';
export * from './projects.reader.js';
export * from './suggestions.reader.js';
export * from './survey-instruments.reader.js';
