import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { PlanContext } from '../../src/plan/planner.js';
import { eagerInitPlanner, heavyImportPlanner } from '../../src/plan/plan-deferrals.js';
import { fixture } from '../helpers/copy-fixture.js';

const sourceFiles = (root: string, files: string[]) => files.filter((f) => new FileSet(fixture(root)).read(f) !== undefined);

function context(name: string, files: string[], allowApiChange = false): PlanContext {
  return { project: new FileSet(fixture(name)), sourceFiles: sourceFiles(name, files), choices: { allowApiChange } };
}

function finding(kind: Finding['kind'], file: string, symbol: string, target?: string): Finding {
  return { id: `${kind}:${file}:${symbol}`, kind, severity: 'high', file, line: 1, symbol, message: '', cost: { exclusiveBytes: 0, exclusiveModules: 0 }, ...(target ? { target } : {}) };
}

test('an eager-init group becomes one operation per value built by the same import', () => {
  const result = eagerInitPlanner.plan(finding('eager-init', 'src/schemas.ts', 'RoleSchema', 'zod'), context('gateway-cjs', ['src/schemas.ts', 'src/main.ts']));
  const names = result.operations.map((o) => o.options.name);
  assert.ok(names.includes('RoleSchema') && names.includes('CompletionParamsSchema'), names.join(', '));
  assert.ok(result.operations.every((o) => o.options.moduleFormat === 'cjs' && o.files.includes('src/main.ts')));
});

test('a native ESM export is only deferred with allowApiChange, and says why otherwise', () => {
  const files = ['src/utils.ts'];
  const refused = eagerInitPlanner.plan(finding('eager-init', 'src/utils.ts', 'encoder'), context('gateway-esm', files));
  assert.equal(refused.operations.length, 0);
  assert.match(refused.skipped?.[0] ?? '', /ES module export.*getEncoder\(\).*--allow-api-change/);
  const allowed = eagerInitPlanner.plan(finding('eager-init', 'src/utils.ts', 'encoder'), context('gateway-esm', files, true));
  assert.equal(allowed.operations[0]?.options.allowApiChange, true);
});

test('a heavy import is deferred in every file that imports the package', () => {
  const files = ['src/providers/openai.ts', 'src/providers/deepseek.ts', 'src/providers/groq.ts'];
  const result = heavyImportPlanner.plan(finding('heavy-import', 'src/providers/deepseek.ts', 'openai', 'openai'), context('gateway-cjs', files));
  assert.deepEqual(result.operations[0]?.files, ['src/providers/deepseek.ts', 'src/providers/openai.ts']);
  assert.deepEqual(result.operations[0]?.options, { bindings: ['OpenAI'], moduleFormat: 'cjs' });
});

test('in native ESM a heavy import used by synchronous code stays, with the reason', () => {
  const result = heavyImportPlanner.plan(finding('heavy-import', 'src/providers/groq.ts', 'groq-sdk', 'groq-sdk'), context('gateway-esm', ['src/providers/groq.ts']));
  assert.equal(result.operations.length, 0);
  assert.match(result.skipped?.join('\n') ?? '', /synchronous function \(line \d+\)/);
});
