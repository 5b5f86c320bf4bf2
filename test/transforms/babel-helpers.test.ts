// Babel's interop helpers go when a rewrite leaves them uncalled, and only then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import { calledBabelHelpers, pruneBabelHelpers } from '../../transforms/shared-lazy-loading/babel-helpers.js';

const j = jscodeshift.withParser('babel');

const HELPERS = `function _typeof(o) { return _typeof = function (o) { return typeof o; }, _typeof(o); }
function _getRequireWildcardCache(e) { return null; }
function _interopRequireWildcard(e, r) { if (e && e.__esModule) return e; var t = _getRequireWildcardCache(r); return "object" != _typeof(e) ? { default: e } : e; }
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
`;

/** Removes the statements that call `_interopRequire*` (what a rewrite moves into a manifest), then prunes. */
function rewrite(source: string, keep: RegExp = /^$/): { text: string; removed: string[] } {
  const root = j(source);
  const before = calledBabelHelpers(j, root);
  root.find(j.VariableDeclaration).filter((p) => p.parent.node.type === 'Program' && /_interopRequire\w*\(/.test(j(p).toSource()) && !keep.test(j(p).toSource())).remove();
  const removed = pruneBabelHelpers(j, root, before);
  return { text: root.toSource(), removed };
}

test('helpers the file no longer calls go, those they called with them', () => {
  const { text, removed } = rewrite(`"use strict";\n${HELPERS}var _a = _interopRequireDefault(require("./a"));\nvar _b = _interopRequireWildcard(require("./b"));\nmodule.exports = { a: 1 };\n`);
  assert.deepEqual(removed, ['_interopRequireDefault', '_interopRequireWildcard', '_getRequireWildcardCache', '_typeof']);
  assert.equal(text, `"use strict";\nmodule.exports = { a: 1 };\n`);
});

test('a helper still called stays, and so do the helpers it calls', () => {
  const { text, removed } = rewrite(`${HELPERS}var _a = _interopRequireDefault(require("./a"));\nvar _b = _interopRequireWildcard(require("./b"));\n`, /_b/);
  assert.deepEqual(removed, ['_interopRequireDefault']);
  assert.match(text, /function _interopRequireWildcard/);
  assert.match(text, /function _typeof/);
});

test("a helper the file never called, or one of its own by that name, is not lazify's to remove", () => {
  const unused = rewrite(`${HELPERS}var _a = _interopRequireDefault(require("./a"));\n`);
  assert.deepEqual(unused.removed, ['_interopRequireDefault'], 'the wildcard helpers were uncalled before the rewrite');
  // A `var` of something else than @babel/runtime is the file's own.
  const own = rewrite(`var _interopRequireDefault = require("./my-interop");\nvar _a = _interopRequireDefault(require("./a"));\n`);
  assert.deepEqual(own.removed, []);
});

test('the @babel/runtime form goes too, so its module no longer loads at import', () => {
  const { text, removed } = rewrite(`"use strict";\n\nvar _interopRequireDefault = require("@babel/runtime/helpers/interopRequireDefault").default;\nvar _a = _interopRequireDefault(require("./a"));\nexports.default = 1;\n`);
  assert.deepEqual(removed, ['_interopRequireDefault']);
  assert.doesNotMatch(text, /@babel\/runtime/);
});
