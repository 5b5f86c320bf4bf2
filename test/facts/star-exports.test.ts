import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from '../findings/graph-from-sources.js';
import { resolveStarExports } from '../../src/facts/star-exports.js';
import type { ParsedSources } from '../../src/graph/parse-source.js';

/**
 * Babel's CommonJS `export * from '<specifier>'`, with the guards it writes (`_exportNames` when the
 * file has named exports too); older Babel versions name the getter `function get()` (date-fns 2).
 */
const star = (local: string, specifier: string, exportNames = false, getter = 'function ()') => `var ${local} = require("${specifier}");
Object.keys(${local}).forEach(function (key) {
  if (key === "default" || key === "__esModule") return;${exportNames ? `\n  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;` : ''}
  if (key in exports && exports[key] === ${local}[key]) return;
  Object.defineProperty(exports, key, {
    enumerable: true,
    get: ${getter} {
      return ${local}[key];
    }
  });
});
`;

function resolved(sources: Record<string, string>) {
  const input = graphFromSources(sources, {}, 'commonjs');
  const texts = new Map(Object.entries(sources).map(([id, text]) => [`/project/${id}`, { text }])) as unknown as ParsedSources;
  resolveStarExports(input.facts, input.graph, texts);
  return input.facts['lib/index.js']!.registries;
}

test("Babel's export * loops: one entry per name the module exports, the first star keeping a name two modules export, a named export keeping its own", () => {
  const [registry, ...others] = resolved({
    'lib/index.js': `"use strict";
var _exportNames = { version: true };
Object.defineProperty(exports, "version", { enumerable: true, get: function () { return _version.version; } });
var _version = require("./version");
${star('_add', './add', true)}${star('_format', './format', true)}${star('_parse', './parse', true, 'function get()')}`,
    'lib/version.js': `exports.version = "1";\nexports.format = "not this one";\n`,
    'lib/add.js': `exports.add = add;\nexports.default = void 0;\nfunction add(a, b) { return a + b; }\n`,
    'lib/format.js': `exports.format = exports.formatDate = format;\nexports.tokens = ["yyyy"];\nfunction format() {}\n`,
    'lib/parse.js': `exports.tokens = ["yyyy"];\nexports.parse = function parse() {};\nexports.version = "2";\n`,
  });
  assert.deepEqual(others, []);
  assert.equal(registry!.shape, 'export-getters');
  assert.deepEqual(registry!.blockers, []);
  assert.deepEqual(
    registry!.entries.map((e) => [e.key, e.module, e.export]),
    [
      ['version', 'lib/version.js', 'version'],
      ['add', 'lib/add.js', 'add'],
      ['format', 'lib/format.js', 'format'],
      ['formatDate', 'lib/format.js', 'formatDate'],
      ['tokens', 'lib/format.js', 'tokens'],
      ['parse', 'lib/parse.js', 'parse'],
    ],
  );
});

test("a star over a barrel gives the barrel's names; one over a module re-exporting a package, or writing exports it does not name, none; a loop that is not Babel's (its own filter) is no star", () => {
  const [registry] = resolved({
    'lib/index.js': `"use strict";
${star('_add', './add')}${star('_locale', './locale')}${star('_vendor', './vendor')}${star('_dynamic', './dynamic')}var _sub = require("./sub");
Object.keys(_sub).forEach(function (key) {
  if (key.startsWith("_")) return;
  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _sub[key]; } });
});
${star('_sub2', './sub')}`,
    'lib/add.js': `exports.add = function add() {};\n`,
    'lib/locale.js': star('_enUS', './enUS'),
    'lib/enUS.js': `exports.enUS = { code: "en-US" };\n`,
    'lib/vendor.js': `exports.own = 1;\n${star('_pkg', 'pkg')}`,
    'lib/dynamic.js': `exports.known = 1;\nfor (const name of ["a", "b"]) exports[name] = name;\n`,
    'lib/sub.js': `exports.sub = function sub() {};\nexports._private = 1;\n`,
  });
  assert.deepEqual(registry!.entries.map((e) => [e.key, e.module]), [['add', 'lib/add.js'], ['enUS', 'lib/locale.js'], ['sub', 'lib/sub.js'], ['_private', 'lib/sub.js']]);
  assert.deepEqual(registry!.blockers, []);
});

test("tsc's __exportStar (tslib's too): the names of a barrel of barrels, a module of types only giving none", () => {
  const [registry] = resolved({
    'lib/index.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VERSION = void 0;
__exportStar(require("./shapes/index"), exports);
__exportStar(require("./types"), exports);
tslib_1.__exportStar(require("./check"), exports);
(0, tslib_1.__exportStar)(require("./area"), exports);
__exportStar(require("some-package"), exports);
exports.VERSION = "1";
`,
    'lib/shapes/index.js': `"use strict";\n__exportStar(require("./circle"), exports);\n__exportStar(require("./square"), exports);\n`,
    'lib/shapes/circle.js': `exports.Circle = Circle;\nexports.isCircle = isCircle;\nfunction Circle() {}\nfunction isCircle() {}\n`,
    'lib/shapes/square.js': `exports.Square = Square;\nfunction Square() {}\n`,
    'lib/types.js': `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n`,
    'lib/check.js': `exports.isCircle = exports.isShape = void 0;\nexports.isShape = () => true;\nexports.VERSION = "2";\n`,
    'lib/area.js': `exports.area = area;\nfunction area() {}\n`,
  });
  assert.deepEqual(registry!.entries.map((e) => [e.key, e.module]), [
    ['Circle', 'lib/shapes/index.js'],
    ['isCircle', 'lib/shapes/index.js'],
    ['Square', 'lib/shapes/index.js'],
    ['isShape', 'lib/check.js'],
    ['area', 'lib/area.js'],
  ]);
});
