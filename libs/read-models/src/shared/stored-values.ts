/**
 * Defensive readers of stored event data: an event recorded by an older release, or by hand, may
 * lack a field or hold another type; projections write null rather than trust the domain's types.
 */
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
export const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
