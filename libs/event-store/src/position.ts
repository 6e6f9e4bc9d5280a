/**
 * A place in the global log ($all).
 *
 * It is a pair on every backend: on PostgreSQL/PGlite `commit` is the id of the writing
 * transaction and `prepare` the row's sequence number, because a sequence alone is not
 * commit-ordered (a lower number can commit later; see docs/event-store.md). On KurrentDB
 * the pair is the server's own commit/prepare position. Pairs compare lexicographically.
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function maxPosition(a: GlobalPosition, b: GlobalPosition): GlobalPosition {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** The opaque consistency token handed to API clients: `<commit>-<prepare>`. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}-${position.prepare}`;
}

const TOKEN = /^(\d{1,20})-(\d{1,20})$/;

export function parsePosition(token: string): GlobalPosition | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
