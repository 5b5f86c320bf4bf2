// Which register functions use the value they are given at registration: the fact behind
// analyze refusing highlight.js's registerLanguage with the same words as plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ts } from 'ts-morph';
import { collectRegisterFunctions } from '../../src/facts/register-functions.js';

const facts = (source: string) => collectRegisterFunctions(ts.createSourceFile('lib/registry.js', source, ts.ScriptTarget.Latest, true));

test('a register function that only stores and checks the value does not use it', () => {
  const [fn] = facts(`
    const providers = new Map();
    function register(name, provider) {
      if (typeof name !== 'string') throw new TypeError('name');
      if (!provider || typeof provider.buildRequest !== 'function') throw new TypeError(\`\${name} has no buildRequest\`);
      providers.set(name, provider);
    }`);
  assert.deepEqual(fn, { name: 'register', line: 3, value: 'provider' });
  assert.equal(facts(`const o = {}; function registerX(k, v) { o[k] = v; }`)[0]!.usesValue, undefined, 'an element store is a store');
});

test('calling, constructing or reading the value at registration is a use, with its line', () => {
  assert.deepEqual(facts(`function registerLanguage(name, def) {\n  const lang = def();\n  langs.set(name, lang);\n}`)[0]!.usesValue, { use: 'calls', line: 2 });
  assert.deepEqual(facts(`function registerHandler(name, H) {\n  handlers.set(name, new H());\n}`)[0]!.usesValue, { use: 'constructs', line: 2 });
  assert.deepEqual(facts(`function registerLanguage(name, lang) {\n  langs.set(name, lang);\n  for (const a of lang.aliases) aliases.set(a, name);\n}`)[0]!.usesValue, { use: 'reads', line: 3 });
});

test('a register function nested in a factory (highlight.js HLJS) is found; a callback calling the value is a use', () => {
  const found = facts(`
    const HLJS = function (hljs) {
      function registerLanguage(languageName, languageDefinition) {
        let lang = null;
        try { lang = languageDefinition(hljs); } catch (e) { lang = {}; }
        languages[languageName] = lang;
      }
      function registerLater(name, value) { queue.push(() => value()); }
      return { registerLanguage, registerLater };
    };`);
  assert.deepEqual(found.map((f) => [f.name, f.usesValue?.use]), [['registerLanguage', 'calls'], ['registerLater', 'calls']]);
});

test('a one-argument register function storing store.set(value.KEY, value) names KEY; reading the key is no use of the value', () => {
  assert.deepEqual(facts(`function registerLanguage(language) {\n  languages.set(language.name, language);\n}`)[0], { name: 'registerLanguage', line: 1, value: 'language', keyProperty: 'name' });
  const more = facts(`function registerLanguage(language) {\n  languages.set(language.name, language);\n  for (const a of language.aliases) aliases.set(a, language.name);\n}`)[0]!;
  assert.deepEqual([more.keyProperty, more.usesValue], ['name', { use: 'reads', line: 3 }], 'its aliases are read at registration');
  assert.equal(facts(`function register(name, provider) {\n  providers.set(provider.id, provider);\n}`)[0]!.keyProperty, undefined, 'two parameters: the key is the name given');
});
