import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import { FileSet } from '../../src/edits/file-set.js';
import { runOperation } from '../../src/edits/run-operation.js';
import { applyDiagnostics, renderApplyReport } from '../../src/report/apply-report.js';
import type { ApplyResult } from '../../src/pipeline/results.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const client = (name: string) => `import OpenAI from 'openai';\n\nexport function ${name}() {\n  return new OpenAI({});\n}\n`;
const defer = (id: string, files: string[]) => ({ id, transform: 'defer-heavy-import', summary: '', files, options: { bindings: ['OpenAI'], moduleFormat: 'cjs' } });

test('a transform that throws on a file fails its operation only: one line naming the file, its other files left as they were', () => {
  const { dir, cleanup } = writeTempProject({
    'src/a.ts': client('a'),
    'src/broken.ts': `import OpenAI from 'openai';\nexport function b( {\n  return new OpenAI({});\n}\n`,
    'src/c.ts': client('c'),
  });
  try {
    const files = new FileSet(dir);
    // a.ts is rewritten before broken.ts fails: that rewrite is undone with the operation.
    const failed = runOperation(defer('both', ['src/a.ts', 'src/broken.ts']), files);
    assert.deepEqual(failed.changed, []);
    assert.deepEqual([failed.failed?.code, failed.failed?.file, failed.failed?.operation], ['cannot-parse', 'src/broken.ts', 'both']);
    assert.match(failed.failed?.message ?? '', /^src\/broken\.ts: cannot parse: .*\(3:2\)$/);
    assert.doesNotMatch(failed.failed?.message ?? '', /\n/);
    assert.equal(files.read('src/a.ts'), client('a'));
    const ok = runOperation(defer('other', ['src/c.ts']), files);
    assert.equal(ok.failed, undefined);
    assert.deepEqual(files.changes().map((c) => c.path), ['src/c.ts']);

    const result = { operations: [failed, ok], changes: files.changes(), diff: '', written: true, patchFile: undefined } as unknown as ApplyResult;
    const output = renderApplyReport(result).output;
    assert.match(output, /^skipped \(both\): src\/broken\.ts: cannot parse: /m);
    // The annotation points at the file from the diagnostic itself, not from parsing its text.
    assert.deepEqual(applyDiagnostics(result).map((d) => [d.code, d.file, d.operation]), [['cannot-parse', 'src/broken.ts', 'both']]);
  } finally {
    cleanup();
  }
});

test("a transform's report is a diagnostic naming the operation and the file it was rewriting", () => {
  const { dir, cleanup } = writeTempProject({ 'src/a.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({});\n` });
  try {
    const result = runOperation(defer('op', ['src/a.ts']), new FileSet(dir));
    assert.deepEqual(result.reports, [
      { code: 'transform-note', severity: 'info', message: 'openai stays a top-level import: OpenAI is used at module level (line 2)', file: 'src/a.ts', operation: 'op' },
    ]);
  } finally {
    cleanup();
  }
});

test('apply notes: the same message from several files is one line naming the files', () => {
  const note = (file: string, message: string) => ({ code: 'transform-note', severity: 'info', message, file, operation: 'op' });
  const reports = [
    note('src/a.ts', 'openai stays a top-level import: OpenAI is re-exported (line 3)'),
    note('src/b.ts', 'openai stays a top-level import: OpenAI is re-exported (line 3)'),
    note('src/c.ts', 'zod stays a top-level import: z is used at module level (line 1)'),
  ];
  const result = { operations: [{ id: 'op', changed: [], reports }], changes: [], diff: '', written: false } as unknown as ApplyResult;
  const notes = renderApplyReport(result).output.split('\n').filter((l) => l.startsWith('note'));
  assert.deepEqual(notes, [
    'note (op): src/a.ts, src/b.ts: openai stays a top-level import: OpenAI is re-exported (line 3)',
    'note (op): src/c.ts: zod stays a top-level import: z is used at module level (line 1)',
  ]);
});

test('two deferrals in one file whose values are shorthand properties: both apply and the file still parses', () => {
  const source = `import { createLogger } from 'winston';\n\nexport const error = createLogger({ level: 'error' });\nexport const warn = createLogger({ level: 'warn' });\n\nexport function channels() {\n  return { error, warn };\n}\n`;
  const { dir, cleanup } = writeTempProject({ 'src/log.ts': source });
  try {
    const files = new FileSet(dir);
    const results = ['error', 'warn'].map((name) =>
      runOperation({ id: name, transform: 'defer-eager-init', summary: '', files: ['src/log.ts'], options: { file: 'src/log.ts', name, moduleFormat: 'cjs' } }, files),
    );
    assert.deepEqual(results.map((r) => r.failed), [undefined, undefined]);
    const after = files.read('src/log.ts')!;
    assert.match(after, /return \{ error: getError\(\), warn: getWarn\(\) \};/);
    const ts = jscodeshift.withParser('ts');
    assert.doesNotThrow(() => ts(after));
  } finally {
    cleanup();
  }
});
