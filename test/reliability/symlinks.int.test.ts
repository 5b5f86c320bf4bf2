// Class 2 of the reliability suite (the source listing): apply never follows a symlinked
// directory or file out of the project root, the way the graph does not either, and a file
// with two names inside the root is planned under one. (How a symlinked source file and file
// modes are written is covered with the write path itself.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { assertUnchanged, committedCopy, defaultPlan, git, lazify, snapshot } from './untouched-tree.js';

const planFiles = (plan: ReturnType<typeof defaultPlan>) => new Set(plan.operations.flatMap((op) => [...op.files, ...Object.values(op.options).filter((v): v is string => typeof v === 'string')]));

test('src/providers linked to a directory outside: a plain apply writes nothing there', () => {
  const ws = committedCopy('gateway-cjs');
  try {
    const providers = join(ws.outside, 'providers');
    cpSync(join(ws.dir, 'src/providers'), providers, { recursive: true });
    rmSync(join(ws.dir, 'src/providers'), { recursive: true });
    symlinkSync(providers, join(ws.dir, 'src/providers'), 'dir');
    ws.commit();
    const outsideBefore = snapshot(ws.outside);

    const plan = defaultPlan(ws.dir);
    const linked = [...planFiles(plan)].filter((p) => p.startsWith('src/providers/'));
    assert.deepEqual(linked, [], 'no operation names a file behind the link');

    const analyzed = JSON.parse(lazify(['analyze', ws.dir, '--format', 'json']).stdout);
    assert.ok(analyzed.diagnostics.some((d: { code: string }) => d.code === 'symlink-outside-project'), 'analyze says the link leads out');

    const r = lazify(['apply', ws.dir]);
    assert.ok(r.status === 0 || r.status === 2, r.stderr);
    if (r.status === 2) assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
    assertUnchanged([ws.outside], [outsideBefore]);
    // What did change is tracked by git: nothing went through the link.
    for (const line of git(ws.dir, 'status', '--porcelain').split('\n').filter(Boolean)) assert.doesNotMatch(line.slice(3), /^src\/providers\//);
  } finally {
    ws.cleanup();
  }
});

test('a source file that is a symlink out of the root is not planned or written', () => {
  const ws = committedCopy('gateway-cjs');
  try {
    cpSync(join(ws.dir, 'src/schemas.ts'), join(ws.outside, 'schemas.ts'));
    rmSync(join(ws.dir, 'src/schemas.ts'));
    symlinkSync(join(ws.outside, 'schemas.ts'), join(ws.dir, 'src/schemas.ts'), 'file');
    ws.commit();
    const outsideBefore = snapshot(ws.outside);
    assert.equal(planFiles(defaultPlan(ws.dir)).has('src/schemas.ts'), false);
    const r = lazify(['apply', ws.dir]);
    assert.ok(r.status === 0 || r.status === 2, r.stderr);
    assertUnchanged([ws.outside], [outsideBefore]);
  } finally {
    ws.cleanup();
  }
});

test('a symlinked directory inside the root pointing inside it: its files are planned once, under their real paths', () => {
  const ws = committedCopy('gateway-cjs');
  try {
    symlinkSync('providers', join(ws.dir, 'src/provider-alias'), 'dir');
    ws.commit();
    const files = planFiles(defaultPlan(ws.dir));
    assert.ok(files.has('src/providers/openai.ts'));
    assert.deepEqual([...files].filter((p) => p.startsWith('src/provider-alias/')), []);
  } finally {
    ws.cleanup();
  }
});
