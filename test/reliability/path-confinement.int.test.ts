// Class 1 of the reliability suite: every path apply reads from a plan, from package.json or
// from the command line stays inside the project root once symlinks are resolved, and nothing
// is ever written into .git/ or node_modules/. Each case runs the built CLI on a committed copy
// of the CJS demo gateway and checks the refusal (exit 2, one line) and that neither the
// project nor the directory beside it changed by a single byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeChanges } from '../../src/edits/write-files.js';
import { assertRefused, assertUnchanged, committedCopy, defaultPlan, git, lazify, snapshot, writePlan, type Workspace } from './untouched-tree.js';

let ws: Workspace;
let plan: ReturnType<typeof defaultPlan>;

before(() => {
  ws = committedCopy('gateway-cjs');
  plan = defaultPlan(ws.dir);
});
after(() => ws.cleanup());

/** The default plan with one operation edited, written beside the project. */
function editedPlan(transform: string, edit: (op: (typeof plan.operations)[number]) => void, match?: (op: (typeof plan.operations)[number]) => boolean): string {
  const copy = structuredClone(plan);
  const op = copy.operations.find((o) => o.transform === transform && (match ? match(o) : true));
  assert.ok(op, `the default plan has a ${transform} operation`);
  edit(op);
  return writePlan(ws.outside, copy, `plan-${Math.random().toString(36).slice(2)}.json`);
}

const objectMap = (o: { options: Record<string, any> }) => o.options.shape === 'object-map';
const registerCalls = (o: { options: Record<string, any> }) => o.options.shape === 'register-calls';

function refusedPlan(planFile: string, message: RegExp): void {
  assertRefused(['apply', ws.dir, '--plan', planFile], message, [ws.dir, ws.outside]);
}

test('a manifest at ../outside/new.ts is an invalid plan', () => {
  const outsideRel = relative(ws.dir, join(ws.outside, 'new.ts'));
  const file = editedPlan('registry-to-manifest', (op) => (op.options.manifest = outsideRel), objectMap);
  refusedPlan(file, /^lazify: invalid plan: operation "registry:src\/router\.ts:MODEL_PREFIXES": option "manifest": \.\.\/.*new\.ts leads outside the project root\n$/);
});

test('an operation file ../outside/x.ts is an invalid plan', () => {
  writeFileSync(join(ws.outside, 'x.ts'), 'export const x = 1;\n');
  const outsideRel = relative(ws.dir, join(ws.outside, 'x.ts'));
  const file = editedPlan('defer-heavy-import', (op) => op.files.push(outsideRel));
  refusedPlan(file, /invalid plan: operation "heavy-import:[^"]+": "files": \.\.\/.*x\.ts leads outside the project root/);
});

test('a manifest at .git/config is an invalid plan (nothing is ever written into .git/)', () => {
  const file = editedPlan('registry-to-manifest', (op) => (op.options.manifest = '.git/config'), objectMap);
  refusedPlan(file, /option "manifest": \.git\/config is inside \.git\/, which lazify never writes/);
});

test('a manifest under node_modules/ is an invalid plan', () => {
  const file = editedPlan('registry-to-manifest', (op) => (op.options.manifest = 'node_modules/router.manifest.ts'), objectMap);
  refusedPlan(file, /option "manifest": node_modules\/router\.manifest\.ts is inside node_modules\/, which lazify never writes/);
});

test('a split cluster module ../x.ts is an invalid plan', () => {
  const file = editedPlan('god-module-to-focused-modules', (op) => (op.options.clusters[0].module = '../x.ts'));
  refusedPlan(file, /option "clusters\[0\]\.module": \.\.\/x\.ts leads outside the project root/);
});

test('a split shared module and an importer outside the root are invalid plans', () => {
  refusedPlan(editedPlan('god-module-to-focused-modules', (op) => (op.options.shared = '../shared.ts')), /option "shared": \.\.\/shared\.ts leads outside/);
  refusedPlan(editedPlan('god-module-to-focused-modules', (op) => op.options.importers.push('../importer.ts')), /option "importers\[\d+\]": \.\.\/importer\.ts leads outside/);
});

test('registryModule, consumers and a deferral file outside the root are invalid plans', () => {
  refusedPlan(editedPlan('registry-to-manifest', (op) => (op.options.registryModule = '../registry.ts'), registerCalls), /option "registryModule": \.\.\/registry\.ts leads outside/);
  refusedPlan(editedPlan('registry-to-manifest', (op) => (op.options.consumers = ['src/index.ts', '../consumer.ts']), objectMap), /option "consumers\[1\]": \.\.\/consumer\.ts leads outside/);
  refusedPlan(editedPlan('defer-eager-init', (op) => (op.options.file = '../utils.ts')), /option "file": \.\.\/utils\.ts leads outside/);
});

test('an absolute path is refused, not moved under the root', () => {
  refusedPlan(editedPlan('registry-to-manifest', (op) => (op.options.manifest = join(ws.outside, 'abs.ts')), objectMap), /option "manifest": \/.*abs\.ts is absolute; plan paths are relative to the project root/);
  // Even one that points inside the project: the plan says something apply would have to guess at.
  refusedPlan(editedPlan('registry-to-manifest', (op) => (op.options.manifest = join(ws.dir, 'src/router.manifest.ts')), objectMap), /is absolute; plan paths are relative/);
  assert.equal(existsSync(join(ws.outside, 'abs.ts')), false);
});

test('a path that leaves and re-enters the root is refused in favour of its normal form', () => {
  const file = editedPlan('registry-to-manifest', (op) => (op.options.manifest = 'src/../src/router.manifest.ts'), objectMap);
  refusedPlan(file, /option "manifest": src\/\.\.\/src\/router\.manifest\.ts is not in normal form; write it as src\/router\.manifest\.ts/);
});

test('a non-source file named as an operation file (package.json, .env) is an invalid plan', () => {
  refusedPlan(editedPlan('defer-heavy-import', (op) => op.files.push('package.json')), /"files": package\.json is not a JavaScript or TypeScript source file/);
  refusedPlan(editedPlan('registry-to-manifest', (op) => (op.options.file = 'tsconfig.json'), objectMap), /option "file": tsconfig\.json is not a JavaScript or TypeScript source file/);
});

test('--patch never overwrites a tracked source file, never writes into .git/, never replaces a file that is not a patch', () => {
  const router = readFileSync(join(ws.dir, 'src/router.ts'), 'utf8');
  assertRefused(['apply', ws.dir, '--patch', join(ws.dir, 'src/router.ts')], /^lazify: refusing to write the patch to .*src\/router\.ts: that file exists and is not a patch/, [ws.dir, ws.outside]);
  assert.equal(readFileSync(join(ws.dir, 'src/router.ts'), 'utf8'), router);
  assertRefused(['apply', ws.dir, '--patch', join(ws.dir, '.git/lazify.patch')], /refusing to write the patch to .*\.git\/lazify\.patch: \.git\/lazify\.patch is inside \.git\//, [ws.dir, ws.outside]);
  writeFileSync(join(ws.outside, 'notes.txt'), 'my notes\n');
  assertRefused(['apply', ws.dir, '--patch', join(ws.outside, 'notes.txt')], /notes\.txt: that file exists and is not a patch/, [ws.dir, ws.outside]);
  // A path the patch itself creates would make `git apply` fail on the file the patch wrote.
  assertRefused(['apply', ws.dir, '--patch', join(ws.dir, 'src/router.manifest.ts')], /src\/router\.manifest\.ts: the patch itself creates or changes that file/, [ws.dir, ws.outside]);
});

test('--patch to a new file outside the project (or over an earlier patch) is written, the project untouched', () => {
  const before = snapshot(ws.dir);
  const patch = join(ws.outside, 'lazify.patch');
  let r = lazify(['apply', ws.dir, '--patch', patch]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(patch, 'utf8'), /^diff --git /);
  r = lazify(['apply', ws.dir, '--patch', patch]);
  assert.equal(r.status, 0, r.stderr);
  assertUnchanged([ws.dir], [before]);
});

test('writeChanges refuses a change outside the root as a last line of defence, writing nothing', async () => {
  const before = [snapshot(ws.dir), snapshot(ws.outside)];
  const outsideRel = relative(ws.dir, join(ws.outside, 'late.ts'));
  await assert.rejects(
    writeChanges(ws.dir, [
      { path: 'src/new-inside.ts', before: undefined, after: 'export {};\n' },
      { path: outsideRel, before: undefined, after: 'export {};\n' },
    ]),
    (error: Error) => error.name === 'LazifyError' && /\.\.\/.*late\.ts.* outside the project root; nothing was written/.test(error.message),
  );
  await assert.rejects(writeChanges(ws.dir, [{ path: '.git/hooks/pre-commit', before: undefined, after: '#!/bin/sh\n' }]), /(inside|into) \.git\//);
  assertUnchanged([ws.dir, ws.outside], before);
});

// The cases below change the project (a symlink, package.json) and commit it, so they run last.

test('a manifest path through a symlinked directory that leads out is an invalid plan', () => {
  mkdirSync(join(ws.outside, 'linked'));
  symlinkSync(join(ws.outside, 'linked'), join(ws.dir, 'src/linked'), 'dir');
  ws.commit();
  const file = editedPlan('registry-to-manifest', (op) => (op.options.manifest = 'src/linked/router.manifest.ts'), objectMap);
  refusedPlan(file, /option "manifest": src\/linked\/router\.manifest\.ts leads outside the project root through a symlink/);
  git(ws.dir, 'rm', '-q', 'src/linked');
  ws.commit();
});

test('an entry outside the root, from package.json main or from --entry, is refused before anything is planned', () => {
  mkdirSync(join(ws.outside, 'other'));
  writeFileSync(join(ws.outside, 'other/index.js'), "const utils = require('./utils');\nmodule.exports = { utils };\n");
  writeFileSync(join(ws.outside, 'other/utils.js'), 'module.exports = { a: 1 };\n');
  const entryRel = relative(ws.dir, join(ws.outside, 'other/index.js'));
  assertRefused(['apply', ws.dir, '--entry', join(ws.outside, 'other/index.js')], /^lazify: the entry \(from --entry\): \.\.\/.*other\/index\.js is outside the project root .*; lazify reads and rewrites only the project's own files\n$/, [ws.dir, ws.outside]);
  assertRefused(['analyze', ws.dir, '--entry', entryRel], /the entry \(from --entry\): .* is outside the project root/, [ws.dir, ws.outside]);
  const pkgFile = join(ws.dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  writeFileSync(pkgFile, JSON.stringify({ ...pkg, main: entryRel }, null, 2));
  ws.commit();
  assertRefused(['apply', ws.dir], /the entry \(from package\.json main\): .*other\/index\.js is outside the project root/, [ws.dir, ws.outside]);
});
