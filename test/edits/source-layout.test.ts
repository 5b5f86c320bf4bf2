import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromEditable, toEditable, withConvention } from '../../src/edits/source-layout.js';
import { keepFileHeader, licenceHeader } from '../../src/edits/file-header.js';

const roundTrip = (raw: string) => {
  const { text, layout } = toEditable(raw);
  return { text, back: fromEditable(text, layout), layout };
};

test('CRLF, mixed endings, BOM and shebang come back byte for byte when the text is unchanged', () => {
  for (const raw of ['a\r\nb\r\n', 'a\nb\r\nc\n', '\uFEFFx\r\n', '#!/usr/bin/env node\r\nx\r\n', 'a\r\r\nb', '', '#!x']) {
    const { text, back } = roundTrip(raw);
    if (!raw.includes('\r\r')) assert.doesNotMatch(text, /\r\n|^\uFEFF|^#!/);
    assert.equal(back, raw);
  }
});

test('a CRLF file edited in LF gets CRLF everywhere; a mixed file keeps the endings of kept lines', () => {
  const crlf = toEditable('import a;\r\nuse(a);\r\n');
  assert.equal(fromEditable('const a = load();\nuse(a);\n', crlf.layout), 'const a = load();\r\nuse(a);\r\n');
  const mixed = toEditable('one\r\ntwo\nthree\r\n');
  assert.equal(fromEditable('one\nnew\ntwo\nthree\n', mixed.layout), 'one\r\nnew\r\ntwo\nthree\r\n');
});

test('the shebang stays on line 1 and the transform sees an empty line in its place', () => {
  const { text, layout } = toEditable('#!/usr/bin/env node\nconst x = 1;\n');
  assert.equal(text, '\nconst x = 1;\n');
  assert.equal(fromEditable('const y = 2;\n', layout), '#!/usr/bin/env node\nconst y = 2;\n');
});

test('new files take the line ending, BOM and licence of the file they come from', () => {
  assert.equal(withConvention('a\nb\n', { eol: '\r\n', bom: true, licence: '// (c) Acme' }), '\uFEFF// (c) Acme\r\n\r\na\r\nb\r\n');
});

test('a licence header dropped with the first statement comes back after the directive prologue', () => {
  const before = "'use strict';\n/* Copyright Acme */\nconst x = require('x');\nuse(x);\n";
  assert.equal(keepFileHeader(before, "'use strict';\nuse(load());\n"), "'use strict';\n/* Copyright Acme */\nuse(load());\n");
  assert.equal(licenceHeader(before), '/* Copyright Acme */');
  // A doc comment right above a statement belongs to it: not a file header.
  assert.equal(keepFileHeader('/** The encoder. */\nconst e = make();\n', 'x();\n'), 'x();\n');
  // A header the edit kept (anywhere) is not duplicated.
  assert.equal(keepFileHeader('// Notes.\n\nimport a;\n', 'import b;\n// Notes.\n\n'), 'import b;\n// Notes.\n\n');
});
