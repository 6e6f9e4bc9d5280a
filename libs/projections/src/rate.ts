/** Events per second over a sliding window, so a status shows current speed, not a lifetime average. */
export class RateMeter {
  private readonly samples: Array<{ at: number; count: number }> = [];

  constructor(private readonly windowMs = 10_000) {}

  record(count: number, at = Date.now()): void {
    this.samples.push({ at, count });
    this.trim(at);
  }

  perSecond(at = Date.now()): number {
    this.trim(at);
    if (this.samples.length === 0) return 0;
    const total = this.samples.reduce((sum, sample) => sum + sample.count, 0);
    const span = Math.max(1_000, at - this.samples[0]!.at);
    return Math.round((total / span) * 1000 * 10) / 10;
  }

  private trim(at: number): void {
    while (this.samples.length > 0 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
  }
}
