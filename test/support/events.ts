export { openPgliteEventStore } from '#event-store';
export { someEvents as someEventsForE2e } from '../../libs/event-store/src/contract/fixtures.js';
