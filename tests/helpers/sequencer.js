// Orders the suite's files so that the long ones start first and the short ones fill the gaps at
// the end: with the timings of an earlier run (jest's cache) it is jest's own order, slowest first;
// on a clean clone, without timings, browser tests and the route × role matrix start first, then
// the other integration tests, then workflow and replay tests, then unit tests, larger files first
// within each kind. A long file started last would otherwise run alone on one worker at the end.
const Sequencer = require('@jest/test-sequencer').default;

const KINDS = [
  /\/tests\/e2e\//,
  /\/matrix\.test\.ts$/,
  /\/tests\/integration\//,
  /\/tests\/(workflows|replay)\//,
];
const kindOf = (path) => {
  const index = KINDS.findIndex((pattern) => pattern.test(path));
  return index === -1 ? KINDS.length : index;
};

class DubanSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.every((test) => test.duration != null)) return sorted;
    return sorted
      .map((test, index) => ({ test, index }))
      .sort((a, b) => kindOf(a.test.path) - kindOf(b.test.path) || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = DubanSequencer;
