// The plan file's schema: the committed JSON Schema is the one the zod schemas generate, every
// transform's options come from its own schema, and an edited plan whose options have the wrong
// shape is refused with one line naming the operation and the option's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planJsonSchema, planSchema } from '../../src/plan/plan-schema.js';
import { validatePlan } from '../../src/plan/validate-plan.js';
import { FileSet } from '../../src/edits/file-set.js';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { parseOptions, transforms } from '../../transforms/index.js';
import type { DeferEagerInitOptions } from '../../transforms/defer-eager-init/options.js';
import type { DeferHeavyImportOptions } from '../../transforms/defer-heavy-import/options.js';
import type { RegistryToManifestOptions } from '../../transforms/registry-to-manifest/options.js';
import type { SplitOptions } from '../../transforms/god-module-to-focused-modules/split-options.js';
import type { z } from 'zod';
import { repoRoot } from '../helpers/copy-fixture.js';

test('the committed plan JSON Schema is the one the zod schemas generate (npm run schema)', () => {
  const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/lazify.plan.schema.json'), 'utf8'));
  assert.deepEqual(committed, planJsonSchema());
});

test('the plan JSON Schema has one operation shape per transform, discriminated by "transform", each with that transform\'s options', () => {
  const schema = planJsonSchema() as { properties: { operations: { items: { oneOf: Array<{ properties: { transform: { const: string }; options: unknown } }> } } } };
  const shapes = schema.properties.operations.items.oneOf;
  assert.deepEqual(shapes.map((s) => s.properties.transform.const).sort(), Object.keys(transforms).sort());
  for (const shape of shapes) {
    const own = JSON.parse(JSON.stringify((transforms[shape.properties.transform.const]!.optionsSchema as z.ZodType).toJSONSchema({ target: 'draft-2020-12', io: 'input' })));
    delete own.$schema;
    assert.deepEqual(shape.properties.options, own, shape.properties.transform.const);
  }
});

test('the options types the transforms and planners use are what the schemas accept (the compiler checks the assignments)', () => {
  type Out<T extends z.ZodType> = z.output<T>;
  const eager: DeferEagerInitOptions = {} as Out<typeof import('../../transforms/defer-eager-init/options.js').optionsSchema>;
  const heavy: DeferHeavyImportOptions = {} as Out<typeof import('../../transforms/defer-heavy-import/options.js').optionsSchema>;
  const registry: Omit<RegistryToManifestOptions, 'manifest'> = {} as Out<typeof import('../../transforms/registry-to-manifest/options.js').optionsSchema>;
  const split: SplitOptions = {} as Out<typeof import('../../transforms/god-module-to-focused-modules/split-options.js').optionsSchema>;
  assert.ok(eager && heavy && registry && split);
});

test('a transform documents (lazify transforms) exactly the options of its schema, required exactly when the schema requires them', () => {
  for (const [name, transform] of Object.entries(transforms)) {
    const json = transform.optionsSchema.toJSONSchema({ io: 'input' }) as { properties?: Record<string, unknown>; required?: string[]; oneOf?: Array<{ properties: Record<string, unknown>; required: string[] }> };
    const branches = json.oneOf ?? [{ properties: json.properties ?? {}, required: json.required ?? [] }];
    // Keys a schema names only to refuse them (the jscodeshift CLI's `plan`) are no options.
    const keys = new Set(branches.flatMap((b) => Object.entries(b.properties).filter(([, p]) => !('not' in (p as object))).map(([key]) => key)));
    assert.deepEqual((transform.meta.options ?? []).map((o) => o.name).sort(), [...keys].sort(), name);
    for (const option of transform.meta.options ?? []) {
      assert.ok(branches.some((b) => option.name in b.properties), `${name}: ${option.name} is in the schema`);
      // Required: wherever a shape names it (a manifest, but export-getters has none). Optional:
      // some shape does without it (registryModule, which only register-calls requires).
      if (option.required) assert.ok(branches.every((b) => !(option.name in b.properties) || b.required.includes(option.name)), `${name}: ${option.name} is required`);
      else assert.ok(branches.some((b) => !b.required.includes(option.name)), `${name}: ${option.name} is optional`);
    }
  }
});

// The multi-file cases hold a plan operation (`operation.json`); the single-file cases' options
// files are the jscodeshift CLI's form (flat strings, the case harness's `path`), not a plan's.
test('every operation of the transforms\' multi-file fixture cases is a valid plan operation for its transform', () => {
  const checked: string[] = [];
  for (const name of Object.keys(transforms)) {
    const dir = join(repoRoot, 'transforms', name, '__testfixtures__');
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !readdirSync(join(dir, entry.name)).includes('operation.json')) continue;
      const file = join(dir, entry.name, 'operation.json');
      const { options } = JSON.parse(readFileSync(file, 'utf8')) as { options: unknown };
      assert.equal(parseOptions(transforms[name]!.optionsSchema, options).problem, undefined, file);
      checked.push(`${name}/${entry.name}`);
    }
  }
  assert.ok(new Set(checked.map((c) => c.split('/')[0])).size === Object.keys(transforms).length, `cases of every transform: ${checked.join(', ')}`);
});

test('the whole-plan schema accepts a plan and refuses an operation whose options belong to another transform', () => {
  const plan = {
    schemaVersion: 1,
    root: '/project',
    operations: [
      { id: 'heavy', transform: 'defer-heavy-import', summary: '', files: ['src/a.ts'], options: { bindings: ['OpenAI'], moduleFormat: 'cjs' } },
      { id: 'eager', transform: 'defer-eager-init', summary: '', files: ['src/a.ts'], options: { file: 'src/a.ts', name: 'encoder', moduleFormat: 'cjs', syntaxLevel: 2015 } },
    ],
  };
  assert.ok(planSchema().safeParse(plan).success);
  const swapped = structuredClone(plan);
  swapped.operations[0]!.transform = 'defer-eager-init';
  assert.equal(planSchema().safeParse(swapped).success, false);
});

// Problems of shape, checked on a real case (the defer-eager-init fixture), each one line.
const eagerCase = join(repoRoot, 'transforms/defer-eager-init/__testfixtures__/tokenizer-cjs');
const eagerOperation = JSON.parse(readFileSync(join(eagerCase, 'operation.json'), 'utf8')) as { files: string[]; options: Record<string, unknown> };
const splitCase = join(repoRoot, 'transforms/god-module-to-focused-modules/__testfixtures__/ts-commonjs');
const splitOperation = JSON.parse(readFileSync(join(splitCase, 'operation.json'), 'utf8')) as { files: string[]; options: Record<string, unknown> };

function problemOf(root: string, operation: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  try {
    validatePlan({ schemaVersion: 1, root, operations: [operation], ...top }, new FileSet(root));
  } catch (error) {
    assert.ok(isLazifyError(error), String(error));
    assert.equal(error.code, 'invalid-plan');
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  return assert.fail('expected the plan to be rejected');
}

const eager = (options: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  problemOf(join(eagerCase, 'before'), { id: 'eager-1', transform: 'defer-eager-init', summary: '', files: eagerOperation.files, options: { ...eagerOperation.options, ...options }, ...extra });
const split = (edit: (options: any) => void) => {
  const options = structuredClone(splitOperation.options);
  edit(options);
  return problemOf(join(splitCase, 'before'), { id: 'split-1', transform: 'god-module-to-focused-modules', summary: '', files: splitOperation.files, options });
};

test('a wrong type, a missing or unknown option: one line naming the operation and the option path', () => {
  assert.equal(eager({ name: 3 }), 'invalid plan: operation "eager-1": option "name" must be a string, not 3');
  assert.equal(eager({ name: 'not an identifier' }), 'invalid plan: operation "eager-1": option "name" must be an identifier');
  assert.equal(eager({ file: undefined }), 'invalid plan: operation "eager-1": option "file" is required (a string)');
  assert.equal(eager({ moduleFormat: 'umd' }), 'invalid plan: operation "eager-1": option "moduleFormat" must be one of "cjs", "esm", not "umd"');
  assert.equal(eager({ allowApiChange: 'yes' }), 'invalid plan: operation "eager-1": option "allowApiChange" must be a boolean, not "yes"');
  assert.equal(eager({ syntaxLevel: 1 }), 'invalid plan: operation "eager-1": option "syntaxLevel" must be an ECMAScript edition (5, 2015, 2021...)');
  assert.equal(eager({ nmae: 'encoder' }), 'invalid plan: operation "eager-1": unknown option "nmae" (known: file, name, moduleFormat, allowApiChange, syntaxLevel)');
  assert.equal(split((o) => (o.clusters[2].module = 7)), 'invalid plan: operation "split-1": option "clusters[2].module" must be a string, not 7');
  assert.equal(split((o) => (o.clusters[1].exports = 'cost')), 'invalid plan: operation "split-1": option "clusters[1].exports" must be an array, not "cost"');
  assert.equal(split((o) => (o.clusters[0].export = [])), 'invalid plan: operation "split-1": unknown option "clusters[0].export" (known: module, exports)');
  assert.equal(split((o) => (o.extension = '.js')), 'invalid plan: operation "split-1": option "extension" must be one of "js", "none", "ts", not ".js"');
  assert.equal(split((o) => (o.operation = 'x')), 'invalid plan: operation "split-1": option "operation" is for the jscodeshift CLI only; a plan operation carries its options itself');
  assert.equal(split((o) => (o.deprecated = true)), 'invalid plan: operation "split-1": unknown option "deprecated" (known: module, clusters, shared, importers, deprecate, extension)');
});

test('registry-to-manifest: the keys it takes depend on its shape', () => {
  const root = join(eagerCase, 'before');
  const registry = (options: Record<string, unknown>) =>
    problemOf(root, { id: 'registry-1', transform: 'registry-to-manifest', summary: '', files: ['src/utils.ts'], options: { registry: 'MAP', file: 'src/utils.ts', manifest: 'src/utils.manifest.ts', moduleFormat: 'cjs', ...options } });
  assert.equal(registry({ shape: 'object-mpa' }), 'invalid plan: operation "registry-1": option "shape" must be one of "object-map", "factory-map", "register-calls", "export-getters", not "object-mpa"');
  assert.equal(registry({}), 'invalid plan: operation "registry-1": option "shape" is required (one of "object-map", "factory-map", "register-calls", "export-getters")');
  assert.equal(registry({ shape: 'register-calls', registryModule: 'src/utils.ts' }), 'invalid plan: operation "registry-1": option "registerFunction" is required (a string)');
  assert.match(registry({ shape: 'export-getters' }), /^invalid plan: operation "registry-1": unknown option "manifest" \(known: shape, registry, file, moduleFormat, syntaxLevel, consumers\)$/);
  assert.equal(registry({ shape: 'object-map', consumers: ['src/a.ts', 4] }), 'invalid plan: operation "registry-1": option "consumers[1]" must be a string, not 4');
});

test('the plan\'s own keys and each operation\'s are checked too', () => {
  assert.equal(eager({}, { sumary: 'x' }), 'invalid plan: operation "eager-1": unknown key "sumary" (known: id, summary, files, together, transform, options)');
  assert.equal(eager({}, { summary: 3 }), 'invalid plan: operation "eager-1": key "summary" must be a string, not 3');
  assert.equal(eager({}, { together: 'eager-2' }), 'invalid plan: operation "eager-1": key "together" must be an array, not "eager-2"');
  assert.equal(problemOf(join(eagerCase, 'before'), { id: 'eager-1', transform: 'defer-eager-init', files: eagerOperation.files, options: eagerOperation.options }, { operation: [] }), 'invalid plan: unknown key "operation" (known: $schema, schemaVersion, root, operations)');
  assert.equal(problemOf(join(eagerCase, 'before'), { id: 'eager-1', transform: 'defer-eager-init', files: eagerOperation.files, options: eagerOperation.options }, { root: 5 }), 'invalid plan: key "root" must be a string, not 5');
});

test('a plan with "$schema" (for editors) and without "root" or summaries is valid', () => {
  const root = join(eagerCase, 'before');
  const plan = validatePlan(
    { $schema: './node_modules/lazify-imports/schema/lazify.plan.schema.json', schemaVersion: 1, operations: [{ id: 'e', transform: 'defer-eager-init', files: eagerOperation.files, options: eagerOperation.options }] },
    new FileSet(root),
  );
  assert.equal(plan.operations[0]!.summary, '');
  assert.equal(plan.root, root);
});
