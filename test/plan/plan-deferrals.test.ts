import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { PlanContext, PlannerResult } from '../../src/plan/planner.js';
import { eagerInitPlanner, heavyImportPlanner, valuesReadAtImport } from '../../src/plan/plan-deferrals.js';
import { extractModuleFacts } from '../../src/facts/extract-module-facts.js';
import { withFactsOfFiles } from '../../src/facts/extract-facts.js';
import { fixture } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

/** Each skipped diagnostic as `[code, finding, message]`: what was left out, of which finding, and why. */
const notes = (skipped: PlannerResult['skipped']) => (skipped ?? []).map((d) => [d.code, d.finding, d.message]);

const sourceFiles = (root: string, files: string[]) => files.filter((f) => new FileSet(fixture(root)).read(f) !== undefined);

/** A plan context over `project` with the facts of its `files`, as plan() hands the planners. */
function contextOf(project: FileSet, files: string[], choices: PlanContext['choices'] = {}): PlanContext {
  return { project, sourceFiles: files, facts: withFactsOfFiles({}, files, project), choices };
}

function context(name: string, files: string[], allowApiChange = false): PlanContext {
  return contextOf(new FileSet(fixture(name)), sourceFiles(name, files), { allowApiChange });
}

/** valuesReadAtImport over the facts of `source`. */
const readsAtImport = (file: string, source: string, names: string[]) => valuesReadAtImport(extractModuleFacts(file, file, source, (s) => s), names);

function finding(kind: Finding['kind'], file: string, symbol: string, target?: string, cost = { exclusiveBytes: 800_000, exclusiveModules: 40 }): Finding {
  return { id: `${kind}:${file}:${symbol}`, kind, severity: 'high', file, line: 1, symbol, message: '', cost, ...(target ? { target } : {}) };
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
  assert.equal(refused.skipped?.[0]?.code, 'api-change');
  assert.equal(refused.skipped?.[0]?.finding, 'eager-init:src/utils.ts:encoder');
  assert.match(refused.skipped?.[0]?.message ?? '', /ES module export.*getEncoder\(\).*--allow-api-change/);
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
  const synchronous = result.skipped?.find((d) => /synchronous function \(line \d+\)/.test(d.message));
  assert.equal(synchronous?.code, 'not-deferrable', JSON.stringify(result.skipped));
  assert.equal(synchronous?.file, 'src/providers/groq.ts');
  assert.equal(synchronous?.line, Number(/\(line (\d+)\)/.exec(synchronous?.message ?? '')?.[1]), 'it points at the synchronous use');
});

test('a heavy import whose deferral saves nothing (another importer keeps the package) is not planned', () => {
  const zero = finding('heavy-import', 'src/providers/deepseek.ts', 'openai', 'openai', { exclusiveBytes: 0, exclusiveModules: 0 });
  zero.message = 'openai (0 B saved if deferred): src/providers/deepseek.ts:1 imports it at the top level but only uses OpenAI inside functions; load it on first call instead.';
  const result = heavyImportPlanner.plan(zero, context('gateway-cjs', ['src/providers/deepseek.ts']));
  assert.deepEqual(result.operations, []);
  assert.deepEqual(notes(result.skipped), [
    ['nothing-saved', 'heavy-import:src/providers/deepseek.ts:openai', 'deferring openai in src/providers/deepseek.ts saves nothing: src/providers/deepseek.ts:1 imports it at the top level but only uses OpenAI inside functions; load it on first call instead.'],
  ]);
});

test('when one importer keeps the package at the top level, the others are not rewritten for nothing: one note names it', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'partial', type: 'module' }),
    'src/a.ts': `import OpenAI from 'openai';\nexport function client() { return new OpenAI(); }\n`,
    'src/b.ts': `import OpenAI from 'openai';\nexport async function client() { return new OpenAI(); }\n`,
  });
  try {
    const ctx = contextOf(new FileSet(dir), ['src/a.ts', 'src/b.ts']);
    const result = heavyImportPlanner.plan(finding('heavy-import', 'src/b.ts', 'openai', 'openai'), ctx);
    assert.deepEqual(result.operations, []);
    assert.deepEqual(notes(result.skipped), [
      [
        'nothing-saved',
        'heavy-import:src/b.ts:openai',
        'openai stays loaded at import: src/a.ts keeps it at the top level (OpenAI is used in a synchronous function (line 2); it would have to become async to use import()); deferring it in src/b.ts alone would save nothing',
      ],
    ]);
    assert.equal(result.skipped?.[0]?.file, 'src/a.ts', 'it points at the importer that keeps the package');
  } finally {
    cleanup();
  }
});

// cohere-ai's generated clients: one factory finding per method, dozens in one file, each
// naming the same bindings. The transform's check parses the file: once per plan, and every
// finding gets the answer a plan of its own would give.
test('factory findings of one file share one check of its bindings, with the answers a check of each would give', () => {
  const factory = [
    "import OpenAI from 'openai';",
    "import Anthropic from '@anthropic-ai/sdk';",
    'export class Client {',
    "  create(name: string) { switch (name) { case 'openai': return new OpenAI(); case 'anthropic': return new Anthropic(); } throw new Error(name); }",
    "  list(name: string) { if (name === 'openai') return new OpenAI(); return new Anthropic(); }",
    '}',
    'export const eager = new Anthropic();',
  ].join('\n');
  const { dir, cleanup } = writeTempProject({ 'package.json': JSON.stringify({ name: 'factories' }), 'src/client.ts': factory });
  try {
    const methods = [
      ['Client.create', ['OpenAI', 'Anthropic']],
      ['Client.list', ['OpenAI', 'Anthropic']],
      ['Client.list2', ['Anthropic']],
      ['Client.none', ['Ghost', 'OpenAI']],
    ] as const;
    const factoryFinding = (symbol: string, bindings: readonly string[]): Finding => ({ ...finding('heavy-import', 'src/client.ts', symbol), bindings: [...bindings] });
    const alone = methods.map(([symbol, bindings]) => heavyImportPlanner.plan(factoryFinding(symbol, bindings), contextOf(new FileSet(dir), ['src/client.ts'])));
    const project = new FileSet(dir);
    const shared = contextOf(project, ['src/client.ts']);
    let reads = 0;
    const read = project.read.bind(project);
    project.read = (file: string) => {
      if (file === 'src/client.ts') reads++;
      return read(file);
    };
    const together = methods.map(([symbol, bindings]) => heavyImportPlanner.plan(factoryFinding(symbol, bindings), shared));
    assert.deepEqual(together, alone);
    assert.deepEqual(alone[0]!.operations[0]?.options, { bindings: ['OpenAI'], moduleFormat: 'cjs' });
    assert.match(notes(alone[0]!.skipped)[0]?.[2] ?? '', /Anthropic stays a top-level import: Anthropic is used at module level \(line 7\)/);
    assert.equal(reads, 2, 'the file is read by one check for OpenAI and Anthropic, and one more for Ghost');
  } finally {
    cleanup();
  }
});

// The shape of @genkit-ai/googleai's embedder.ts: schemas built from `z`, one used by another,
// and a top-level `embedderRef({ configSchema })` that reads the second at import.
const genkitEmbedder = [
  "import { embedderRef, z } from 'genkit';",
  "export const TaskTypeSchema = z.enum(['RETRIEVAL_DOCUMENT', 'RETRIEVAL_QUERY']);",
  'export type TaskType = z.infer<typeof TaskTypeSchema>;',
  'export const ConfigSchema = z.object({ taskType: TaskTypeSchema.optional() });',
  "export const gecko = embedderRef({ name: 'gecko', configSchema: ConfigSchema });",
  'export const OtherSchema = z.object({ title: z.string() });',
  'export function define() { return { configSchema: OtherSchema, task: TaskTypeSchema }; }',
  'export class Embedder { schema = OtherSchema; }',
].join('\n');

test('a value read by a top-level statement, or by the initialiser of one that is, is read at import', () => {
  const read = readsAtImport('embedder.ts', genkitEmbedder, ['TaskTypeSchema', 'ConfigSchema', 'OtherSchema']);
  assert.deepEqual(Object.fromEntries(read), { ConfigSchema: 5, TaskTypeSchema: 4 });
});

test('reads in types, functions, instance fields and export lists are not reads at import', () => {
  const source = [
    "import { z } from 'zod';",
    'const A = z.string();',
    'type T = typeof A;',
    'function f() { return A; }',
    'class C { a = A; m() { return A; } }',
    'export { A };',
  ].join('\n');
  assert.deepEqual(readsAtImport('a.ts', source, ['A']).size, 0);
  assert.deepEqual(Object.fromEntries(readsAtImport('a.ts', `${source}\nexport default A;`, ['A'])), { A: 7 });
  assert.deepEqual(Object.fromEntries(readsAtImport('a.ts', `${source}\nconst b = { A };`, ['A'])), { A: 7 });
  assert.deepEqual(Object.fromEntries(readsAtImport('a.ts', `${source}\nclass D { static s = A; }`, ['A'])), { A: 7 });
  // CommonJS exports become getters: not reads. A call in the exports object still is one.
  assert.deepEqual(readsAtImport('a.js', 'const A = f();\nmodule.exports = { A, B: A, c };\nexports.A = A;', ['A']).size, 0);
  assert.deepEqual(Object.fromEntries(readsAtImport('a.js', 'const A = f();\nmodule.exports = { B: g(A) };', ['A'])), { A: 2 });
});

test('an eager-init value the module reads at import stays built at import, with the line that reads it', () => {
  const project = new FileSet(fixture('gateway-cjs'));
  project.write('src/embedder.ts', genkitEmbedder);
  const context = contextOf(project, ['src/embedder.ts']);
  const result = eagerInitPlanner.plan(finding('eager-init', 'src/embedder.ts', 'TaskTypeSchema', 'genkit'), context);
  assert.deepEqual(result.operations.map((o) => o.options.name), ['OtherSchema']);
  const readAt = (name: string) => result.skipped?.find((d) => d.message.startsWith(`${name} stays built at import: `));
  assert.match(readAt('ConfigSchema')?.message ?? '', /^ConfigSchema stays built at import: line 5 of src\/embedder.ts reads it at import/);
  assert.match(readAt('TaskTypeSchema')?.message ?? '', /^TaskTypeSchema stays built at import: line 4 /);
  assert.deepEqual([readAt('ConfigSchema'), readAt('TaskTypeSchema')].map((d) => [d?.code, d?.file, d?.line]), [
    ['read-at-import', 'src/embedder.ts', 5],
    ['read-at-import', 'src/embedder.ts', 4],
  ]);
});

test('an eager-init finding that names no value is not deferrable, with the reason the finding gives', () => {
  const { symbol: _none, ...unnamed } = finding('eager-init', 'src/schemas.ts', 'zod', 'zod');
  const result = eagerInitPlanner.plan(unnamed, context('gateway-cjs', ['src/schemas.ts']));
  assert.equal(result.operations.length, 0);
  assert.deepEqual(notes(result.skipped), [['not-deferrable', 'eager-init:src/schemas.ts:zod', 'the statements name no value for defer-eager-init to build on first use (the finding leaves them to a hand rewrite)']]);
});
