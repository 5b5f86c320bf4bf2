// Map keys written as members of an imported enum (`[Providers.OPENAI]`) are read in the module
// that declares it, once every module has its facts: analyze lists the keys and, when a member
// has no literal value there, says so; plan agrees with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { writeTempProject } from '../helpers/write-temp-project.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const provider = (name: string) => `export class ${name} { readonly name = '${name}'; }\n`;

function project(names: string) {
  return writeTempProject({
    'package.json': JSON.stringify({ name: 'imported-enum', version: '1.0.0', main: 'src/index.ts' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2020', strict: true } }),
    'src/names.ts': names,
    'src/providers/openai.ts': provider('ChatOpenAI'),
    'src/providers/anthropic.ts': provider('ChatAnthropic'),
    'src/index.ts': `import { ChatOpenAI } from './providers/openai';
import { ChatAnthropic } from './providers/anthropic';
import { Providers } from './names';

export const CHAT_MODELS = {
  [Providers.OPENAI]: ChatOpenAI,
  [Providers.ANTHROPIC]: ChatAnthropic,
};
`,
  });
}

test('keys from an imported string enum are read where it is declared: the map converts', async () => {
  const { dir, cleanup } = project(`export enum Providers {\n  OPENAI = 'openai',\n  ANTHROPIC = 'anthropic',\n}\n`);
  try {
    const finding = analyze(dir).findings.find((f) => f.id === 'registry:src/index.ts:CHAT_MODELS');
    assert.ok(finding);
    assert.deepEqual(finding.entries!.map((e) => e.key), ['openai', 'anthropic']);
    assert.deepEqual(finding.blockers, []);
    assert.equal(finding.convertible, true);
    const planned = await plan(dir);
    assert.deepEqual(planned.plan.operations.map((o) => o.id), ['registry:src/index.ts:CHAT_MODELS'], skippedLines(planned.skipped).join('\n'));
  } finally {
    cleanup();
  }
});

test('a member without a literal value in the imported module keeps the map eager, with that reason in analyze and plan', async () => {
  const { dir, cleanup } = project(`const prefix = 'chat-';\nexport const Providers = {\n  OPENAI: 'openai',\n  ANTHROPIC: prefix + 'anthropic',\n} as const;\n`);
  try {
    const finding = analyze(dir).findings.find((f) => f.id === 'registry:src/index.ts:CHAT_MODELS');
    assert.ok(finding);
    assert.equal(finding.convertible, false);
    assert.deepEqual(finding.blockers, ['computed key `[Providers.ANTHROPIC]` at line 7: `Providers.ANTHROPIC` is not a member with a literal value of a string enum or `as const` object in src/names.ts']);
    const planned = await plan(dir);
    assert.deepEqual(planned.plan.operations, []);
    const lines = skippedLines(planned.skipped);
    assert.ok(lines.includes(`stays-eager ${finding.id}: CHAT_MODELS stays eager: ${finding.blockers![0]}`), lines.join('\n'));
  } finally {
    cleanup();
  }
});
