/**
 * The recorded fact holds something no mutation can say again: e.g. a cancellation stored before
 * the decision-maker was recorded reads as `decidedByRole: 'unknown'`, which cancelActivity does
 * not take. Exporting a made-up value instead would change the report, so the export is refused
 * (HISTORY_NOT_REPLAYABLE, exports.reasons.ts) before its first byte.
 */
export class HistoryNotReplayableError extends Error {
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'HistoryNotReplayableError';
  }
}

/** Thrown by an entry when the event holds a value its mutation cannot take; historyLineOf adds the event. */
export class UnsayableField extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnsayableField';
  }
}
