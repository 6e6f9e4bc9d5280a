// The order jest runs the suites in: its own (the slowest first, from the last run's timings, else
// the largest files), except the browser suites. They share one seeded demo, which the first of
// them to start makes (about a minute of one core) while any other waits for it: so one of them
// runs first, making the demo while the other worker runs other suites, and the rest run last,
// when it is ready, instead of a worker sitting idle.
import Sequencer from '@jest/test-sequencer';

const isBrowserSuite = (test) => /[\\/]test[\\/]web[\\/]/.test(test.path);

export default class BrowserSuitesApart extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const [first, ...browser] = sorted.filter(isBrowserSuite);
    return [...(first ? [first] : []), ...sorted.filter((test) => !isBrowserSuite(test)), ...browser];
  }
}
