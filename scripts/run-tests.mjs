#!/usr/bin/env node
// Runs the test suite with Node's own test runner, TypeScript through tsx.
// Tests are tagged by file name: `*.test.ts` is a unit test, `*.int.test.ts` an
// integration test (real fixture projects, child processes), `*.e2e.test.ts` an
// end-to-end test (the built CLI, a browser). `node scripts/run-tests.mjs unit`
// runs only the quick set; no argument runs everything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

const tag = process.argv[2];
const all = await glob(['test/**/*.test.ts'], { ignore: ['**/node_modules/**'] });
const tagOf = (f) => (f.endsWith('.e2e.test.ts') ? 'e2e' : f.endsWith('.int.test.ts') ? 'integration' : 'unit');
const files = all.filter((f) => !tag || tagOf(f) === tag).sort();
if (files.length === 0) {
  console.error(`no test files${tag ? ` tagged ${tag}` : ''}`);
  process.exit(1);
}
// The analyses keep what they read of installed files in a cache directory of this run's own
// (removed at the end): every run starts cold, and nothing is left in the user's cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'lazify-test-cache-'));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, LAZIFY_CACHE_DIR: cacheDir } },
);
rmSync(cacheDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
