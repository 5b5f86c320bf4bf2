// Byte-exact outside the edit: on temp copies of the plain-JS demo gateway whose sources were
// given CRLF endings, a BOM, a shebang, licence headers or bytes that are not UTF-8, apply makes
// the same edits as on the plain copy, keeps every other byte, and the gateway's tests pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { apply } from '../../src/index.js';
import { copyFixture } from '../helpers/copy-fixture.js';

const FIXTURE = 'gateway-js';
const LICENCE = '/*\n * Copyright (c) 2024 Example Corp.\n * SPDX-License-Identifier: MIT\n */\n';

/** Every file of the copy (not node_modules), relative path -> bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const sources = (files: Map<string, Buffer>) => [...files.keys()].filter((f) => f.endsWith('.js'));

function runTests(dir: string): void {
  const result = spawnSync('npm', ['test', '--silent'], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, `the gateway's tests fail after apply:\n${result.stdout}\n${result.stderr}`);
}

/** Applies lazify to a fresh copy after `prepare` changed its files; returns the files before and after. */
async function applyTo(prepare: (dir: string, files: string[]) => void) {
  const { dir, cleanup } = copyFixture(FIXTURE);
  try {
    prepare(dir, sources(snapshot(dir)));
    const before = snapshot(dir);
    const result = await apply(dir, { force: true });
    const after = snapshot(dir);
    runTests(dir);
    return { before, after, result };
  } finally {
    cleanup();
  }
}

const edit = (dir: string, file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

let plainResult: Map<string, Buffer> | undefined;
/** What apply makes of the untouched fixture: the reference the other copies are compared to. */
async function plain(): Promise<Map<string, Buffer>> {
  plainResult ??= (await applyTo(() => {})).after;
  return plainResult;
}

test('CRLF files: the same edit as on LF files, every line of every file still CRLF, untouched files identical', { timeout: 600_000 }, async () => {
  const reference = await plain();
  const { before, after } = await applyTo((dir, files) => files.forEach((f) => edit(dir, f, (t) => t.replace(/\n/g, '\r\n'))));
  let changed = 0;
  for (const [path, bytes] of after) {
    if (!path.endsWith('.js')) continue;
    const text = bytes.toString('utf8');
    assert.doesNotMatch(text, /(^|[^\r])\n/, `${path} has a line ending that is not CRLF`);
    assert.equal(text.replace(/\r\n/g, '\n'), reference.get(path)?.toString('utf8'), `${path} differs from the LF apply beyond its line endings`);
    if (!before.get(path)?.equals(bytes)) changed++;
  }
  assert.ok(changed >= 10, `the apply changed files (${changed})`);
});

test('mixed line endings: lines the edit kept keep their own ending', { timeout: 600_000 }, async () => {
  // lib/providers/openai.js is rewritten (its SDK import deferred): give every other line CRLF.
  const mixed = (t: string) => t.split('\n').map((line, i, all) => (i % 2 === 0 && i < all.length - 1 ? `${line}\r` : line)).join('\n');
  const { before, after } = await applyTo((dir) => edit(dir, 'lib/providers/openai.js', mixed));
  const lines = (b: Buffer) => b.toString('utf8').split('\n');
  const old = lines(before.get('lib/providers/openai.js')!);
  const now = new Set(lines(after.get('lib/providers/openai.js')!));
  assert.notDeepEqual(before.get('lib/providers/openai.js'), after.get('lib/providers/openai.js'), 'the file is edited');
  const kept = old.filter((line) => now.has(line) || now.has(line.replace(/\r$/, '')));
  const keptWithOtherEnding = kept.filter((line) => !now.has(line));
  assert.ok(kept.length > 10);
  assert.deepEqual(keptWithOtherEnding, [], 'no kept line changed its ending');
});

test('a UTF-8 BOM stays on every file that had one; new files take it from the file they come from', { timeout: 600_000 }, async () => {
  const reference = await plain();
  const { before, after } = await applyTo((dir, files) => files.forEach((f) => edit(dir, f, (t) => `\uFEFF${t}`)));
  for (const [path, bytes] of after) {
    if (!path.endsWith('.js')) continue;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${path} starts with the BOM`);
    assert.equal(bytes.subarray(3).toString('utf8'), reference.get(path)?.toString('utf8'), `${path}: same edit as without BOM`);
  }
  assert.ok([...after.keys()].some((p) => !before.has(p)), 'the split created new modules');
});

test('a shebang stays on line 1 and is never copied into a new module', { timeout: 600_000 }, async () => {
  const shebang = '#!/usr/bin/env node\n';
  const withShebang = ['index.js', 'lib/utils.js', 'lib/providers/index.js', 'lib/providers/openai.js'];
  const { before, after } = await applyTo((dir) => withShebang.forEach((f) => edit(dir, f, (t) => `${shebang}${t}`)));
  for (const path of withShebang) {
    assert.ok(after.get(path)!.toString('utf8').startsWith(shebang), `${path} keeps its shebang`);
    assert.notDeepEqual(after.get(path), before.get(path), `${path} was edited`);
  }
  const created = [...after.keys()].filter((p) => !before.has(p));
  assert.ok(created.length >= 5);
  for (const path of created) assert.doesNotMatch(after.get(path)!.toString('utf8'), /#!/, `${path} has no shebang`);
});

test("licence headers stay first; new modules carry the licence and 'use strict' first", { timeout: 600_000 }, async () => {
  const { before, after } = await applyTo((dir, files) => files.forEach((f) => edit(dir, f, (t) => `${LICENCE}${t}`)));
  const headed = [...after.keys()].filter((p) => p.endsWith('.js'));
  const lost = headed.filter((p) => !after.get(p)!.toString('utf8').startsWith(LICENCE));
  assert.deepEqual(lost, [], 'every source file still starts with its licence');
  for (const path of headed) {
    const text = after.get(path)!.toString('utf8');
    const hadStrict = !before.has(path) || before.get(path)!.toString('utf8').slice(LICENCE.length).startsWith("'use strict'");
    if (hadStrict && path.startsWith('lib/')) assert.match(text.slice(LICENCE.length), /^\s*'use strict';/, `${path}: 'use strict' is the first statement`);
  }
});

test('a file that is not valid UTF-8 is left byte for byte; its operations are skipped with a note', { timeout: 600_000 }, async () => {
  // A Latin-1 comment: byte 0xE9 alone is not UTF-8.
  const latin1 = Buffer.from("// Fran\xe7ois's provider\n", 'latin1');
  const { before, after, result } = await applyTo((dir) => {
    const file = join(dir, 'lib/providers/openai.js');
    writeFileSync(file, Buffer.concat([latin1, readFileSync(file)]));
  });
  assert.ok(after.get('lib/providers/openai.js')!.equals(before.get('lib/providers/openai.js')!), 'the file is unchanged, byte for byte');
  const notes = result.operations.flatMap((op) => [...op.reports, ...(op.failed ? [op.failed] : [])]);
  assert.ok(
    notes.some((n) => n.code === 'not-utf8' && n.file === 'lib/providers/openai.js' && /lib\/providers\/openai\.js: not valid UTF-8; file left untouched/.test(n.message)),
    JSON.stringify(notes),
  );
  assert.ok(result.changes.length > 5, 'the rest of the plan applied');
});
