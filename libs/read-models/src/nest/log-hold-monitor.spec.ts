import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AppendInFlight, EventStore } from '#event-store';
import { LogHoldMonitor } from './log-hold-monitor.js';

function storeWith(inFlight: () => AppendInFlight | null): EventStore {
  return { oldestAppendInFlight: async () => inFlight() } as unknown as EventStore;
}

describe('log hold monitor', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const openedAgo = (seconds: number, transactionId = '901'): AppendInFlight => ({
    transactionId,
    pid: 4321,
    since: new Date(now.getTime() - seconds * 1000),
  });

  it('warns once per append held open past the limit, and says when it has ended', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      let current: AppendInFlight | null = openedAgo(10);
      const monitor = new LogHoldMonitor(
        storeWith(() => current),
        30,
      );
      await monitor.check(now);
      expect(warn).not.toHaveBeenCalled();

      current = openedAgo(45);
      await monitor.check(now);
      await monitor.check(now);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(
        /held back by append transaction 901 \(server process 4321\), open since 2026-12-06T09:59:15\.000Z \(45 s, limit 30 s\)/,
      );

      current = null;
      await monitor.check(now);
      expect(log).toHaveBeenCalledWith('The event log is no longer held back by transaction 901.');

      current = openedAgo(60, '902');
      await monitor.check(now);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it('stays quiet where the store orders its own log (no appends in flight to see)', async () => {
    const monitor = new LogHoldMonitor({} as EventStore, 30);
    monitor.onApplicationBootstrap();
    await expect(monitor.check(now)).resolves.toBeUndefined();
    monitor.onApplicationShutdown();
  });
});
