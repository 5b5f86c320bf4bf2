import assert from 'node:assert/strict';
import test from 'node:test';
import { progressDisplay } from '../../src/cli/progress-display.js';

/** A stream that says it is a terminal and keeps what was written. */
function fakeTerminal(isTTY = true) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

test('progress: nothing in CI, with --quiet, or when stderr is not a terminal', () => {
  for (const [options, env] of [[{ quiet: true }, {}], [{}, { CI: 'true' }], [{}, { CI: '1' }]] as const) {
    const { stream } = fakeTerminal();
    assert.equal(progressDisplay({ ...options, stream, env }).listener, undefined);
  }
  assert.equal(progressDisplay({ stream: fakeTerminal(false).stream, env: {} }).listener, undefined);
});

test('progress: a stage shows (name, done/total) only once it has run a second, on one line, cleared at the end', (t) => {
  t.mock.timers.enable({ apis: ['Date'] });
  const { stream, written } = fakeTerminal();
  const { listener, clear } = progressDisplay({ stream, env: {} });
  listener!({ stage: 'graph', label: 'building the module graph', done: 0, total: 10 });
  t.mock.timers.tick(500);
  listener!({ stage: 'graph', label: 'building the module graph', done: 5, total: 20 });
  assert.deepEqual(written, [], 'quick stages stay quiet');
  t.mock.timers.tick(600);
  listener!({ stage: 'graph', label: 'building the module graph', done: 9, total: 30 });
  assert.deepEqual(written, ['\r\x1b[2Klazify: building the module graph 9/30…']);
  listener!({ stage: 'graph', label: 'x', end: true });
  assert.deepEqual(written.slice(1), ['\r\x1b[2K']);
  clear();
  assert.equal(written.length, 2);
});

test('progress: a stage without counts shows at once when the command has run over a second', (t) => {
  t.mock.timers.enable({ apis: ['Date'] });
  const { stream, written } = fakeTerminal();
  const { listener } = progressDisplay({ stream, env: {} });
  listener!({ stage: 'edits', label: 'running the plan in memory' });
  assert.deepEqual(written, []);
  t.mock.timers.tick(1500);
  listener!({ stage: 'typecheck', label: 'type checking the rewrite' });
  assert.deepEqual(written, ['\r\x1b[2Klazify: type checking the rewrite…']);
});

test('progress: on a narrow terminal the label is shortened, not the count', (t) => {
  t.mock.timers.enable({ apis: ['Date'] });
  const { stream, written } = fakeTerminal();
  (stream as { columns: number }).columns = 30;
  const { listener } = progressDisplay({ stream, env: {} });
  listener!({ stage: 'graph', label: 'building the module graph', done: 0, total: 83 });
  t.mock.timers.tick(1100);
  listener!({ stage: 'graph', label: 'building the module graph', done: 25, total: 83 });
  const line = written[0]!.replace('\r\x1b[2K', '');
  assert.ok(line.length < 30, line);
  assert.match(line, /^lazify: buil.*… 25\/83…$/);
});
