/**
 * When each operation started, keyed by its GraphQL context object (one per operation, over HTTP
 * and over graphql-ws), so that the timeout covers the whole operation rather than each root field.
 */
const started = new WeakMap<object, number>();

/** Marks the start of an operation; a later mark of the same operation is ignored. */
export function markOperationStart(context: object, now = Date.now()): number {
  const known = started.get(context);
  if (known !== undefined) return known;
  started.set(context, now);
  return now;
}
