// The text of a multi-line literal recast re-indented is put back; nothing else is touched.
import assert from 'node:assert/strict';
import test from 'node:test';
import jscodeshift from 'jscodeshift';
import { restoreLiteralLines } from '../../transforms/shared-lazy-loading/restore-literal-lines.js';

const j = jscodeshift.withParser('ts');

test('template parts and continued strings get back the text the file had, in order', () => {
  const original = ['f=p=>{g(`a ${p}', 'b`)};h=()=>{return `a ${1}', 'b`};s=()=>{return "one \\', 'two"};'].join('\n');
  const printed = ['f=p=>{', '  x();', '  g(`a ${p}', '  b`)', '};h=()=>{', '  x();', '  return `a ${1}', '    b`', '};s=()=>{', '  x();', '  return "one \\', '  two"', '};'].join('\n');
  const expected = ['f=p=>{', '  x();', '  g(`a ${p}', 'b`)', '};h=()=>{', '  x();', '  return `a ${1}', 'b`', '};s=()=>{', '  x();', '  return "one \\', 'two"', '};'].join('\n');
  assert.equal(restoreLiteralLines(j, printed, original), expected);
});

test('a literal changed otherwise than in its indentation, one-line literals, and text that does not parse stay as printed', () => {
  const original = 'f=()=>{return `a\nb` + `c`};';
  const changed = 'f=()=>{\n  x();\n  return `A\n  b` + `C`\n};';
  assert.equal(restoreLiteralLines(j, changed, original), changed);
  const broken = 'f=()=>{\n  return `a\n  b`\n';
  assert.equal(restoreLiteralLines(j, broken, original), broken);
});

test('with a literal of the same text added or removed, those of that text stay as printed: no two are swapped', () => {
  const original = 'a=()=>{return `x\n  y`};b=()=>{return `x\ny`};c=()=>{return `p\nq`};';
  const printed = 'n=`x\n  y`;a=()=>{\n  z();\n  return `x\n    y`\n};b=()=>{\n  z();\n  return `x\n  y`\n};c=()=>{\n  z();\n  return `p\n  q`\n};';
  assert.equal(restoreLiteralLines(j, printed, original), printed.replace('`p\n  q`', '`p\nq`'));
});
