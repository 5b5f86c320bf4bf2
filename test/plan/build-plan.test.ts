import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { buildPlan } from '../../src/plan/build-plan.js';
import { orderOperations } from '../../src/plan/operation-order.js';
import { relocateOperations } from '../../src/plan/relocate-operations.js';
import { FileSet } from '../../src/edits/file-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { ModuleGraph } from '../../src/graph/module-graph.js';
import type { PlanOperation } from '../../src/plan/plan.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { factsOfProject } from '../helpers/plan-context.js';

const root = join(repoRoot, 'transforms/god-module-to-focused-modules/__testfixtures__/ts-commonjs/before');
const sourceFiles = globSync(['src/**/*.ts'], { cwd: root }).sort();

const godModule: Finding = {
  id: 'god-module:src/utils.ts:1',
  kind: 'god-module',
  severity: 'high',
  file: 'src/utils.ts',
  line: 1,
  message: '',
  cost: { exclusiveBytes: 0, exclusiveModules: 0 },
  split: [
    { module: 'src/utils/tokenization.ts', exports: ['engine', 'countTokens'], helpers: ['encode'], reason: '' },
    { module: 'src/utils/pricing.ts', exports: ['Price', 'PriceTable', 'priceOf', 'cost', 'formatDollars'], helpers: [], reason: '' },
    { module: 'src/utils/provider-lookup.ts', exports: ['providerFor'], helpers: [], reason: '' },
  ],
};

test('a god-module finding becomes one split operation: importers first, the module last', () => {
  const project = new FileSet(root);
  const { plan, skipped } = buildPlan([godModule], { project, sourceFiles, facts: factsOfProject(project), choices: { deprecate: true } });
  assert.deepEqual(skipped, []);
  assert.equal(plan.operations.length, 1);
  const [op] = plan.operations;
  assert.equal(op!.transform, 'god-module-to-focused-modules');
  assert.deepEqual(op!.files, ['src/index.ts', 'src/providers/alpha.ts', 'src/providers/beta.ts', 'src/utils.ts']);
  assert.equal(op!.options.deprecate, true);
  assert.equal(op!.options.extension, 'none');
  // The printed plan says where private helpers go, as the transform will place them.
  assert.match(op!.summary, /src\/utils\/tokenization\.ts: engine, countTokens \(private: encode\)/);
  assert.match(op!.summary, /src\/utils\/shared\.ts: \(no exports\) \(private: clamp\)/);
  assert.match(op!.summary, /importers rewritten \(3\)/);
});

test("an operation that would overwrite a user's file is dropped with a diagnostic naming the operation and the file", () => {
  const project = new FileSet(root);
  project.write('src/utils/pricing.ts', "// my own module, not lazify's\nexport const mine = 1;\n");
  const { plan, skipped } = buildPlan([godModule], { project, sourceFiles, facts: factsOfProject(project), choices: {} });
  assert.equal(plan.operations.length, 0);
  assert.deepEqual(skipped, [
    {
      code: 'would-overwrite',
      severity: 'warning',
      message: `operation "${godModule.id}" would overwrite src/utils/pricing.ts, which exists and was not written by lazify; move that file or name another path in the plan`,
      file: 'src/utils/pricing.ts',
      finding: godModule.id,
      operation: godModule.id,
    },
  ]);
});

test('a finding with fewer than two clusters is skipped with a reason', () => {
  const { plan, skipped } = buildPlan([{ ...godModule, split: godModule.split!.slice(0, 1) }], { project: new FileSet(root), sourceFiles, choices: {} });
  assert.equal(plan.operations.length, 0);
  assert.equal(skipped[0]?.code, 'no-split');
  assert.equal(skipped[0]?.finding, godModule.id);
  assert.match(skipped[0]?.message ?? '', /fewer than two clusters/);
});

test('apply order: splits, then registry conversions, then deferrals; plan order within a phase', () => {
  const op = (id: string, transform: string): PlanOperation => ({ id, transform, summary: '', files: [], options: {} });
  const ordered = orderOperations([
    op('d1', 'defer-heavy-import'),
    op('r1', 'registry-to-manifest'),
    op('s1', 'god-module-to-focused-modules'),
    op('d2', 'defer-eager-init'),
    op('r2', 'registry-to-manifest'),
  ]);
  assert.deepEqual(ordered.map((o) => o.id), ['s1', 'r1', 'r2', 'd1', 'd2']);
});

test('a later operation on a declaration the split moves is pointed at its new file', () => {
  const { plan } = buildPlan([godModule], { project: new FileSet(root), sourceFiles, choices: {} });
  const later: PlanOperation = { id: 'defer', transform: 'defer-eager-init', summary: 'defer engine', files: ['src/utils.ts'], options: { file: 'src/utils.ts', name: 'engine' } };
  const untouched: PlanOperation = { id: 'other', transform: 'defer-eager-init', summary: '', files: ['src/registry.ts'], options: { file: 'src/registry.ts', name: 'providers' } };
  const [, moved, same] = relocateOperations([plan.operations[0]!, later, untouched], new FileSet(root));
  assert.equal(moved!.options.file, 'src/utils/tokenization.ts');
  assert.deepEqual(moved!.files, ['src/utils.ts', 'src/utils/tokenization.ts']);
  assert.equal(later.options.file, 'src/utils.ts', 'the input operation is not changed');
  assert.equal(same, untouched);
});

test('a factory map whose caller module is split also rewrites the calls in the modules declarations move to', () => {
  const { plan } = buildPlan([godModule], { project: new FileSet(root), sourceFiles, choices: {} });
  const factoryMap: PlanOperation = { id: 'factories', transform: 'registry-to-manifest', summary: '', files: ['src/factories.ts', 'src/utils.ts'], options: { file: 'src/factories.ts', consumers: ['src/utils.ts'] } };
  const [, relocated] = relocateOperations([plan.operations[0]!, factoryMap], new FileSet(root));
  const consumers = relocated!.options.consumers as string[];
  assert.equal(consumers[0], 'src/utils.ts');
  assert.ok(consumers.includes('src/utils/tokenization.ts'), consumers.join(', '));
  assert.deepEqual(relocated!.files, ['src/factories.ts', ...consumers]);
  assert.deepEqual(factoryMap.options.consumers, ['src/utils.ts'], 'the input operation is not changed');
});

test('with no importer to copy from, a native ESM god-module gets full file names in new specifiers (.mjs stays .mjs)', () => {
  const mjsRoot = join(repoRoot, 'transforms/god-module-to-focused-modules/__testfixtures__/mjs-enum/before');
  const finding: Finding = {
    ...godModule,
    id: 'god-module:lib/helpers.mjs:1',
    file: 'lib/helpers.mjs',
    split: [
      { module: 'lib/helpers/levels.mjs', exports: ['Level', 'levelName'], helpers: [], reason: '' },
      { module: 'lib/helpers/text.mjs', exports: ['slug'], helpers: [], reason: '' },
    ],
  };
  // No source file imports the module here, so only its format can decide.
  const { plan, skipped } = buildPlan([finding], { project: new FileSet(mjsRoot), sourceFiles: ['lib/helpers.mjs'], choices: {} });
  assert.deepEqual(skipped, []);
  assert.equal(plan.operations[0]!.options.extension, 'js');
});

test('a split that frees nothing at import is planned only to break an import cycle through the module', () => {
  const notFreed = 'src/index.ts uses every part of it at import, directly or through another part';
  const edge = (from: string, to: string) => ({ from, to, specifier: `./${to}`, kind: 'import' as const, lazy: false, line: 1, names: [] });
  const graph = (utilsImports: ReturnType<typeof edge>[]): ModuleGraph => ({
    root,
    entry: 'src/index.ts',
    diagnostics: [],
    modules: {
      'src/index.ts': { id: 'src/index.ts', kind: 'local', size: 1, imports: [edge('src/index.ts', 'src/utils.ts')] },
      'src/utils.ts': { id: 'src/utils.ts', kind: 'local', size: 1, imports: utilsImports },
    },
  });
  const context = (g: ModuleGraph) => ({ project: new FileSet(root), sourceFiles, graph: g, choices: {} });
  const acyclic = buildPlan([{ ...godModule, notFreed }], context(graph([])));
  assert.equal(acyclic.plan.operations.length, 0);
  assert.deepEqual(acyclic.skipped.map((d) => [d.code, d.finding, d.message]), [
    ['nothing-saved', 'god-module:src/utils.ts:1', `splitting src/utils.ts frees nothing at import (${notFreed}), and no import cycle runs through it`],
  ]);
  const cyclic = buildPlan([{ ...godModule, notFreed }], context(graph([edge('src/utils.ts', 'src/index.ts')])));
  assert.equal(cyclic.plan.operations.length, 1);
  assert.match(cyclic.plan.operations[0]!.summary, /frees nothing at import \(src\/index\.ts uses every part.*\); it breaks the import cycle through src\/utils\.ts/);
});
