// The manifest's `withFastProperties` helper, run as the manifest writes it (ES5 and later
// JavaScript, and TypeScript compiled): a copy V8 keeps in fast mode, whose entry getters become
// plain values on their first read, and nothing else about the object changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { fastPropertiesHelperText } from '../../transforms/registry-to-manifest/fast-properties.js';

type Helper = <T extends object>(entries: object, object: T) => T;

/** The helper's text for the manifest as a function to call. */
function helperOf(text: string[], typescript: boolean): Helper {
  let source = text.join('\n');
  if (typescript) source = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText;
  return new Function('exports', `${source.replace(/^export /m, '')}\nreturn withFastProperties;`)({}) as Helper;
}

const variants: Array<[name: string, helper: Helper]> = [
  ['ES5 CommonJS', helperOf(fastPropertiesHelperText(false, 'es5', true), false)],
  ['ES2015 module', helperOf(fastPropertiesHelperText(false, 'es2015', false), false)],
  ['TypeScript', helperOf(fastPropertiesHelperText(true, 'es2015', false), true)],
];

for (const [name, withFastProperties] of variants) {
  test(`${name}: an entry's getter runs once and leaves the plain value; other properties stay as written`, () => {
    let loads = 0;
    let ticks = 0;
    const manifest = { a: {}, b: {} };
    const map = withFastProperties(manifest, {
      get a() { loads += 1; return 'A'; },
      get b() { loads += 1; return 'B'; },
      get tick() { return ++ticks; },
      plain: 1,
    });
    assert.deepEqual(Object.keys(map), ['a', 'b', 'tick', 'plain']);
    assert.equal(map.a, 'A');
    assert.equal(map.a, 'A');
    assert.equal(loads, 1);
    assert.deepEqual(Object.getOwnPropertyDescriptor(map, 'a'), { value: 'A', writable: true, enumerable: true, configurable: true });
    assert.equal(typeof Object.getOwnPropertyDescriptor(map, 'b')!.get, 'function', 'b is not read yet');
    // A getter of the literal's own is no entry: it runs on every read.
    assert.equal(map.tick + map.tick, 3);
    assert.equal(typeof Object.getOwnPropertyDescriptor(map, 'tick')!.get, 'function');
    assert.deepEqual(Object.getOwnPropertyDescriptor(map, 'plain'), { value: 1, writable: true, enumerable: true, configurable: true });
  });

  test(`${name}: a write to an entry, read or not, leaves the value written, as on the literal`, () => {
    let loads = 0;
    const map = withFastProperties({ a: {}, b: {} }, { get a() { loads += 1; return 'A'; }, get b() { loads += 1; return 'B'; } });
    (map as { a: string }).a = 'mock';
    assert.equal(map.a, 'mock');
    assert.equal(loads, 0, 'a write loads nothing');
    assert.equal(map.b, 'B');
    (map as { b: string }).b = 'other';
    assert.deepEqual(Object.getOwnPropertyDescriptor(map, 'b'), { value: 'other', writable: true, enumerable: true, configurable: true });
    assert.deepEqual({ ...map }, { a: 'mock', b: 'other' });
  });

  test(`${name}: read through another receiver, the map itself settles; a frozen map keeps its getters; a redefined key stays redefined`, () => {
    const manifest = { a: {}, b: {} };
    const map = withFastProperties(manifest, { get a() { return 'A'; }, get b() { return 'B'; } });
    assert.equal(Object.create(map).a, 'A');
    assert.equal(Object.getOwnPropertyDescriptor(map, 'a')!.value, 'A');

    const frozen = Object.freeze(withFastProperties(manifest, { get a() { return 'A'; }, get b() { return 'B'; } }));
    assert.equal(frozen.a, 'A');
    assert.equal(frozen.a, 'A');
    assert.equal(typeof Object.getOwnPropertyDescriptor(frozen, 'a')!.get, 'function');

    const mocked = withFastProperties(manifest, { get a() { return 'A'; }, get b() { return 'B'; } });
    const { get } = Object.getOwnPropertyDescriptor(mocked, 'a')!;
    Object.defineProperty(mocked, 'a', { get: () => 'mock', configurable: true, enumerable: true });
    assert.equal(get!.call(mocked), 'A');
    assert.equal(mocked.a, 'mock');
  });
}
