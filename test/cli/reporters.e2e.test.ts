// The built CLI (`npm run build` first): report formats, --output-file, GitHub annotations,
// errors on stderr and the CPU profile export, on temp copies of fixtures and throwaway projects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import test from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';
import { childEnv } from '../helpers/run-lazify.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
function lazify(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { GITHUB_ACTIONS: _a, GITHUB_WORKSPACE: _w, CI: _c, ...base } = childEnv();
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...base, ...env } });
}

test('analyze --format sarif --output-file: a schema-valid SARIF file; in GitHub Actions, annotations on stdout', () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  const out = writeTempProject({});
  try {
    const file = join(out.dir, 'lazify.sarif');
    const result = lazify(['analyze', dir, '--format', 'sarif', '--output-file', file, '--fail-on', 'high'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dirname(dir) });
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    const require = createRequire(import.meta.url);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    assert.equal(validate(log), true, JSON.stringify(validate.errors));
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    assert.ok(results.some((r) => r.ruleId === 'registry' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/factories.ts' && r.locations[0]!.physicalLocation.region.startLine === 20));
    // stdout: only workflow commands, paths from the checkout, errors for what fails --fail-on.
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, results.length);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,title=lazify [^:]+::/);
    assert.ok(lines.includes(lines.find((l) => l.startsWith(`::error file=${basename(dir)}/src/factories.ts,line=20,title=lazify high%3A Eager registry PROVIDER_FACTORIES`))!));
    // Without GitHub Actions, nothing on stdout; a JSON report on stdout is never mixed with annotations.
    assert.equal(lazify(['analyze', dir, '--format', 'sarif', '--output-file', file]).stdout, '');
    const json = lazify(['analyze', dir, '--format', 'json'], { GITHUB_ACTIONS: 'true' });
    assert.equal(JSON.parse(json.stdout).schemaVersion, 1);
  } finally {
    cleanup();
    out.cleanup();
  }
});

test('--output-file in a missing directory: one line, exit 2, nothing written, for every reporting command', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const missing = join(dir, 'no-such-dir', 'report.txt');
    for (const args of [['analyze', dir], ['why', 'openai', dir], ['plan', dir], ['apply', dir], ['importtime', dir], ['transforms'], ['importtime', '--compare', 'a.json', 'b.json']]) {
      const result = lazify([...args, '--output-file', missing]);
      assert.equal(result.status, 2, `${args[0]}: ${result.stderr}`);
      assert.equal(result.stderr, `lazify: --output-file ${missing}: directory ${dirname(missing)} does not exist\n`);
      assert.equal(result.stdout, '');
    }
    assert.equal(existsSync(dirname(missing)), false);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.lazify')), []);
  } finally {
    cleanup();
  }
});

test('markdown and versioned JSON from analyze, why, plan; --output-file writes the report there', () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  const out = writeTempProject({});
  try {
    const analyze = lazify(['analyze', dir, '--format', 'markdown']);
    assert.equal(analyze.status, 0, analyze.stderr);
    assert.match(analyze.stdout, /^### lazify: `gateway-cjs`/);
    assert.match(analyze.stdout, /\| high \| 9\.3 MB \(22\) together \| `src\/factories\.ts:20`<br>`src\/providers\/register-all\.ts:15`<br>`src\/router\.ts:16` \| registry \|/);
    const text = lazify(['analyze', dir]);
    assert.match(text.stdout, /^ {2}high {3}these 3 registries load the same 12 modules; convert all three to save 9\.3 MB, 22 modules$/m);
    assert.equal(text.stdout.match(/9\.3 MB/g)?.length, 1, 'the shared saving is said once');
    const why = join(out.dir, 'why.md');
    assert.equal(lazify(['why', 'openai', dir, '--format', 'markdown', '--output-file', why]).stdout, '');
    assert.match(readFileSync(why, 'utf8'), /^### lazify why: `openai`\n\n`openai` is loaded \*\*eagerly\*\* from `src\/index\.ts`/);
    assert.equal(JSON.parse(lazify(['why', 'openai', dir, '--format', 'json']).stdout).schemaVersion, 1);
    const plan = lazify(['plan', dir, '--format', 'markdown']);
    assert.match(plan.stdout, /^### lazify plan\n\n1\. \*\*god-module-to-focused-modules\*\*/);
    assert.equal(JSON.parse(lazify(['plan', dir, '--format', 'json']).stdout).schemaVersion, 1);
    assert.equal(lazify(['plan', dir, '--quiet']).stderr, '', 'no progress when stderr is not a terminal');
  } finally {
    cleanup();
    out.cleanup();
  }
});

test('importtime: an import that throws prints its error on stderr, exit 1, whatever the format; the text report does not repeat it', () => {
  const project = writeTempProject({ 'package.json': '{"name":"throws","main":"index.js"}', 'index.js': "require('./a');\n", 'a.js': "throw new Error('boom');\n" });
  try {
    for (const format of ['text', 'json', 'markdown']) {
      const result = lazify(['importtime', project.dir, '--runs', '1', '--format', format]);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, 'lazify: a.js threw at import: boom\n');
      if (format === 'text') assert.doesNotMatch(result.stdout, /boom/);
      // A pull request comment says what broke; the JSON keeps it as data.
      if (format === 'markdown') assert.match(result.stdout, /^> \*\*error:\*\* a\.js threw at import: boom$/m);
    }
    const json = JSON.parse(lazify(['importtime', project.dir, '--runs', '1', '--format', 'json']).stdout);
    assert.equal(json.diagnostics[0].code, 'import-threw', 'the JSON keeps the error as data');
  } finally {
    project.cleanup();
  }
});

test('importtime: --format cpuprofile and --cpuprofile FILE export the V8 profile; json is versioned and --compare reads it back', () => {
  const project = writeTempProject({
    'package.json': '{"name":"busy","main":"index.js"}',
    'index.js': "module.exports = require('./a');\n",
    'a.js': 'function work() { let s = 0; for (let i = 0; i < 3e6; i++) s += i; return s; }\nmodule.exports = work();\n',
  });
  const out = writeTempProject({});
  try {
    const isProfile = (p: { nodes: unknown[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }) => {
      assert.ok(Array.isArray(p.nodes) && p.nodes.length > 0);
      assert.ok(typeof p.startTime === 'number' && p.endTime >= p.startTime);
      assert.equal(p.samples.length, p.timeDeltas.length);
      const ids = new Set((p.nodes as Array<{ id: number }>).map((n) => n.id));
      assert.ok(p.samples.every((id) => ids.has(id)), 'every sample names a node');
      assert.ok((p.nodes as Array<{ callFrame: { url: string } }>).some((n) => n.callFrame.url.endsWith('/a.js')), 'the measured module is in the profile');
    };
    const direct = lazify(['importtime', project.dir, '--runs', '1', '--format', 'cpuprofile']);
    assert.equal(direct.status, 0, direct.stderr);
    isProfile(JSON.parse(direct.stdout));
    const file = join(out.dir, 'import.cpuprofile');
    const before = join(out.dir, 'before.json');
    const both = lazify(['importtime', project.dir, '--runs', '1', '--format', 'json', '--cpuprofile', file, '--output-file', before]);
    assert.equal(both.status, 0, both.stderr);
    isProfile(JSON.parse(readFileSync(file, 'utf8')));
    const measurement = JSON.parse(readFileSync(before, 'utf8'));
    assert.equal(measurement.schemaVersion, 1);
    assert.equal('cpuProfile' in measurement, false);
    const compare = lazify(['importtime', '--compare', before, before, '--format', 'json']);
    assert.equal(JSON.parse(compare.stdout).schemaVersion, 1);
    const markdown = lazify(['importtime', '--compare', before, before, '--format', 'markdown']);
    assert.match(markdown.stdout, /^### lazify importtime: `index\.js` before and after\n\n\| \| Before \| After \|/);
    assert.equal(lazify(['importtime', project.dir, '--no-profile', '--format', 'cpuprofile']).status, 2);
    assert.match(lazify(['importtime', project.dir, '--runs', '1', '--format', 'markdown']).stdout, /^### lazify importtime: `index\.js`\n\n\*\*[\d.]+ ms\*\* median of 1 run/);
  } finally {
    project.cleanup();
    out.cleanup();
  }
});
