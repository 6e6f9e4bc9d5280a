/**
 * Keeps a client-chosen label (a GraphQL operation name, say) from growing without bound: the
 * first `limit` distinct values are kept as they are, later new ones become `overflow`, and so
 * does any value that does not look like a name. Each distinct label value is a time series in
 * Prometheus, so this bounds what a client can make the server store.
 */
export class BoundedLabel {
  private readonly kept = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly overflow = 'other',
    private readonly pattern: RegExp = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/,
  ) {}

  value(raw: string): string {
    if (this.kept.has(raw)) return raw;
    if (this.kept.size >= this.limit || !this.pattern.test(raw)) return this.overflow;
    this.kept.add(raw);
    return raw;
  }

  /** How many distinct values are kept (at most the limit). */
  get size(): number {
    return this.kept.size;
  }
}
