// Babel's and tsc's interop helpers go when a rewrite leaves them uncalled, and only then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import { calledInteropHelpers, pruneInteropHelpers } from '../../transforms/shared-lazy-loading/interop-helpers.js';

const j = jscodeshift.withParser('babel');

const HELPERS = `function _typeof(o) { return _typeof = function (o) { return typeof o; }, _typeof(o); }
function _getRequireWildcardCache(e) { return null; }
function _interopRequireWildcard(e, r) { if (e && e.__esModule) return e; var t = _getRequireWildcardCache(r); return "object" != _typeof(e) ? { default: e } : e; }
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
`;

/** Removes the statements that call `_interopRequire*` (what a rewrite moves into a manifest), then prunes. */
function rewrite(source: string, keep: RegExp = /^$/): { text: string; removed: string[] } {
  const root = j(source);
  const before = calledInteropHelpers(j, root);
  root.find(j.VariableDeclaration).filter((p) => p.parent.node.type === 'Program' && /_interopRequire\w*\(/.test(j(p).toSource()) && !keep.test(j(p).toSource())).remove();
  const removed = pruneInteropHelpers(j, root, before);
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

const TSC_HELPERS = `var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
`;
const TSC_IMPORT_STAR = `var __importStar = (this && this.__importStar) || function (mod) {
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default") __createBinding(result, mod, k);
    return result;
};
`;

/** Removes the `__exportStar(require("./a"), exports)` calls (what the star rewrite replaces by getters), then prunes. */
function rewriteStars(source: string): { text: string; removed: string[] } {
  const root = j(source);
  const before = calledInteropHelpers(j, root);
  root.find(j.ExpressionStatement).filter((p) => /^__exportStar\(require\("\.\/a"\)/.test(j(p).toSource())).remove();
  const removed = pruneInteropHelpers(j, root, before);
  return { text: root.toSource(), removed };
}

test("tsc's __exportStar goes with its last call, and __createBinding with it unless another helper calls it", () => {
  const alone = rewriteStars(`"use strict";\n${TSC_HELPERS}Object.defineProperty(exports, "__esModule", { value: true });\n__exportStar(require("./a"), exports);\n`);
  assert.deepEqual(alone.removed, ['__exportStar', '__createBinding']);
  assert.equal(alone.text, `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n`);
  const withImportStar = rewriteStars(`"use strict";\n${TSC_HELPERS}${TSC_IMPORT_STAR}__exportStar(require("./a"), exports);\nconst b = __importStar(require("./b"));\nexports.b = b;\n`);
  assert.deepEqual(withImportStar.removed, ['__exportStar']);
  assert.match(withImportStar.text, /var __createBinding = /);
  // A star left (a module of types only): both stay.
  const kept = rewriteStars(`"use strict";\n${TSC_HELPERS}__exportStar(require("./a"), exports);\n__exportStar(require("./types"), exports);\n`);
  assert.deepEqual(kept.removed, []);
});
