import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  tick(events: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; on a pipe or a CI log, a line every tenth of the way instead of
 * escape codes. Both go to stderr, so stdout carries only the summary.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'seeding {bar} {percentage}% | {value}/{total} commands | {events} events | {duration}s',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let count = 0;
  return {
    start: (total) => bar.start(total, 0, { events: 0 }),
    tick: (events) => bar.update(++count, { events }),
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let total = 0;
  let count = 0;
  let nextReport = 0;
  let started = 0;
  const report = (events: number) =>
    stream.write(
      `seeding: ${count}/${total} commands (${Math.floor((count / Math.max(total, 1)) * 100)}%), ${events} events, ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );
  return {
    start: (steps) => {
      total = steps;
      started = Date.now();
      nextReport = Math.ceil(total / 10);
    },
    tick: (events) => {
      count++;
      if (count >= nextReport || count === total) {
        report(events);
        nextReport += Math.ceil(total / 10);
      }
    },
    // Every line is already written; nothing to clear.
    stop: () => undefined,
  };
}
