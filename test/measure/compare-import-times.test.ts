import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareImportTimes, readImportTimeFile } from '../../src/measure/compare-import-times.js';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { toSpeedscope } from '../../src/report/speedscope.js';
import { sampleImportTime } from './sample-import-time.js';

test('compareImportTimes matches modules by id: gone, new and changed, largest change first', () => {
  const before = sampleImportTime();
  const after = sampleImportTime();
  // After: the registry no longer loads openai; the tokenizer got faster.
  after.tree[0]!.children[0]!.children = [];
  after.tree[0]!.children[1]!.children[0]!.selfMs = 100;
  after.totalMs = 110;
  const comparison = compareImportTimes(before, after);
  assert.deepEqual(comparison.onlyBefore.sort(), ['openai/client.js', 'openai/index.js']);
  assert.deepEqual(comparison.onlyAfter, []);
  assert.equal(comparison.modules[0]!.id, 'js-tiktoken/dist/index.cjs');
  assert.equal(comparison.modules[0]!.selfDeltaMs, -200);
  const gone = comparison.modules.find((m) => m.id === 'openai/index.js')!;
  assert.equal(gone.after, undefined);
  assert.equal(gone.selfDeltaMs, -40);
  assert.equal(comparison.speedup, 380 / 110);
});

test('readImportTimeFile: a missing file, non-JSON, or another JSON is one error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-compare-'));
  try {
    const cases: Array<[string, string | undefined, RegExp]> = [
      ['missing.json', undefined, /cannot read .*missing\.json: ENOENT/],
      ['text.json', 'not json', /text\.json is not JSON/],
      ['plan.json', '{"schemaVersion":1,"operations":[]}', /plan\.json is not a lazify importtime measurement/],
      ['bad-tree.json', '{"totalMs":1,"imports":{},"tree":[{"id":"x"}]}', /bad-tree\.json: "tree" holds an entry/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      assert.throws(() => readImportTimeFile(path), (error: unknown) => isLazifyError(error) && message.test(error.message) && !error.message.includes('\n'));
    }
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(sampleImportTime()));
    assert.equal(readImportTimeFile(good).totalMs, 380);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('toSpeedscope: children inside their parent in load order; a parent outlasting its children keeps its own time', () => {
  const result = sampleImportTime();
  const file = toSpeedscope(result, 'test');
  const names = file.shared.frames.map((f) => f.name);
  const events = file.profiles[0]!.events.map((e) => `${e.type} ${names[e.frame]} ${e.at}`);
  assert.deepEqual(events.slice(0, 6), ['O src/index.ts 0', 'O src/registry.ts 0', 'O openai/index.js 0', 'O openai/client.js 0', 'C openai/client.js 30', 'C openai/index.js 70']);
  assert.equal(events.at(-1), `C src/index.ts ${result.tree[0]!.cumulativeMs}`);
});
