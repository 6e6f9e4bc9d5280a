import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { PlatformMetrics } from './platform-metrics.js';

interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * `GET /metrics` for Prometheus, in its text format. It needs no token, like /health: it serves
 * counts and timings, never data, but it should not be reachable from outside (see docs/metrics.md).
 */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PlatformMetrics) private readonly metrics: PlatformMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) response: HeaderSink): Promise<string> {
    const text = await this.metrics.scrape();
    response.setHeader('Content-Type', this.metrics.contentType);
    return text;
  }
}
