// readProjectJson reads package.json and tsconfig files as tsc reads tsconfig files: what the
// planners decide (output format, manifest style, syntax level) must not hinge on a comment, a
// trailing comma or the byte order mark an editor on Windows writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputFormatOf, readProjectJson } from '../../src/project/output-format.js';

const reader = (files: Record<string, string>) => ({ read: (path: string) => files[path] });

test('comments, trailing commas, CRLF and a byte order mark are read; an empty file is an empty object', () => {
  const read = (text: string) => readProjectJson(reader({ 'x.json': text }), 'x.json');
  assert.deepEqual(read('{\r\n  // the build\r\n  "compilerOptions": { "module": "commonjs", /* old */ },\r\n}\r\n'), { compilerOptions: { module: 'commonjs' } });
  assert.deepEqual(read('\uFEFF{ "type": "module" }'), { type: 'module' });
  assert.deepEqual(read(''), {});
  assert.deepEqual(read(' \n'), {});
});

test('a file that is not a JSON object, or is broken, reads as undefined, as does a missing one', () => {
  const read = (text: string) => readProjectJson(reader({ 'x.json': text }), 'x.json');
  assert.equal(read('[1, 2]'), undefined);
  assert.equal(read('"module"'), undefined);
  assert.equal(read('{ "type": }'), undefined);
  assert.equal(read('{ type: "module" }'), undefined);
  assert.equal(readProjectJson(reader({}), 'package.json'), undefined);
});

test('the output format follows a tsconfig that has a byte order mark and comments, through a relative extends', () => {
  const files = {
    'package.json': '\uFEFF{ "name": "p", "type": "module" }\n',
    'tsconfig.json': '\uFEFF{\n  // shared settings\n  "extends": "./tsconfig.base.json",\n}\n',
    'tsconfig.base.json': '{ "compilerOptions": { "module": "CommonJS", }, }',
  };
  assert.equal(outputFormatOf('src/index.ts', reader(files)), 'commonjs');
  assert.equal(outputFormatOf('src/index.js', reader(files)), 'esm');
  assert.equal(outputFormatOf('src/index.ts', reader({ ...files, 'tsconfig.base.json': '{ "compilerOptions": { "module": "NodeNext" } }' })), 'esm');
});
