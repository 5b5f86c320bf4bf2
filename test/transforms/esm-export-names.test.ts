import { test } from 'node:test';
import assert from 'node:assert/strict';
import { esmExportNames, hiddenEsmExportNames, withEsmExportNames } from '../../transforms/shared-lazy-loading/esm-export-names.js';

test('the names a literal of getters hides from ES module importers are found; names it keeps or adds are not', () => {
  const before = "module.exports = { S3: S3Client, 'data-pipeline': Pipeline, count };\n";
  const after = "module.exports = { get S3() { return load(); }, get 'data-pipeline'() { return load(); }, count };\n";
  assert.deepEqual(hiddenEsmExportNames(before, after), ['S3', 'data-pipeline', 'count']);
  assert.deepEqual(hiddenEsmExportNames(before, before), []);
  // An ES module or TypeScript is not a text Node reads names from: nothing to keep.
  assert.deepEqual(hiddenEsmExportNames('export const a = 1;\n', 'export const b = 1;\n'), []);
});

test('the names line names them again, before a closing source-map comment, one name a line past 100 columns', () => {
  const text = "module.exports = { get S3() { return load(); } };\n//# sourceMappingURL=index.js.map\n";
  const kept = withEsmExportNames(text, ['S3', 'data-pipeline'], { indent: '  ', quote: 'single' });
  assert.match(kept, /\n0 && \(exports\.S3 = void 0, exports\['data-pipeline'\] = void 0\);\n\/\/# sourceMappingURL=index\.js\.map\n$/);
  assert.deepEqual(esmExportNames(kept), ['get', 'S3', 'data-pipeline']);
  // In a file of double quotes the names line uses them too, and the source-map comment stays untouched.
  const double = withEsmExportNames(text, ['data-pipeline'], { indent: '  ', quote: 'double' });
  assert.match(double, /\n0 && \(exports\["data-pipeline"\] = void 0\);\n\/\/# sourceMappingURL=index\.js\.map\n$/);
  const many = Array.from({ length: 8 }, (_, i) => `ServiceClient${i}`);
  const long = withEsmExportNames('module.exports = {};\n', many, { indent: '\t', quote: 'single' });
  assert.match(long, /\n0 && \(\n\texports\.ServiceClient0 = void 0,\n[\s\S]*\texports\.ServiceClient7 = void 0\n\);\n$/);
  assert.deepEqual(esmExportNames(long), many);
  assert.equal(withEsmExportNames(text, [], { indent: '  ', quote: 'single' }), text);
});
