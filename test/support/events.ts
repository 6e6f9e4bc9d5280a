export { openPgliteEventStore } from '#event-store';
export { someEvents as someEventsForE2e } from '#event-store/testing';
