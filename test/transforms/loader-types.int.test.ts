// The loaders defer-heavy-import writes keep the type the import had, under every interop
// setting a project may use. Real packages, installed here: picocolors and enhanced-resolve are
// typed with `export =` (no `default` in their types), ollama with an ES `export default`. Each
// case compiles cleanly before the transform and must compile cleanly after it, with the
// project's settings and `strict` (a lost type shows as an implicit `any`, TS7006).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jscodeshift from 'jscodeshift';
import { Project, ts } from 'ts-morph';
import * as deferHeavyImport from '../../transforms/defer-heavy-import/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

interface Case {
  name: string;
  compilerOptions: Record<string, unknown>;
  moduleFormat: 'cjs' | 'esm';
  /** package.json `type`. */
  type: 'commonjs' | 'module';
  /** How the file imports the `export =` packages: default (needs interop) or namespace. */
  importStyle: 'default' | 'namespace';
}

const cases: Case[] = [
  { name: 'commonjs + esModuleInterop', compilerOptions: { module: 'commonjs', esModuleInterop: true }, moduleFormat: 'cjs', type: 'commonjs', importStyle: 'default' },
  { name: 'commonjs + allowSyntheticDefaultImports only', compilerOptions: { module: 'commonjs', allowSyntheticDefaultImports: true }, moduleFormat: 'cjs', type: 'commonjs', importStyle: 'default' },
  { name: 'commonjs, no interop (namespace imports)', compilerOptions: { module: 'commonjs', esModuleInterop: false, ignoreDeprecations: '6.0' }, moduleFormat: 'cjs', type: 'commonjs', importStyle: 'namespace' },
  { name: 'commonjs + esModuleInterop + isolatedModules', compilerOptions: { module: 'commonjs', esModuleInterop: true, isolatedModules: true }, moduleFormat: 'cjs', type: 'commonjs', importStyle: 'default' },
  { name: 'nodenext, CommonJS package', compilerOptions: { module: 'nodenext' }, moduleFormat: 'cjs', type: 'commonjs', importStyle: 'default' },
  { name: 'nodenext, ES module package + verbatimModuleSyntax', compilerOptions: { module: 'nodenext', verbatimModuleSyntax: true }, moduleFormat: 'esm', type: 'module', importStyle: 'default' },
  { name: 'esnext + bundler resolution + isolatedModules', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', esModuleInterop: true, isolatedModules: true }, moduleFormat: 'esm', type: 'module', importStyle: 'default' },
];

function source(c: Case): string {
  const esm = c.moduleFormat === 'esm';
  const fn = (name: string, params: string, type: string, body: string) =>
    `export ${esm ? 'async ' : ''}function ${name}(${params}): ${esm ? `Promise<${type}>` : type} {\n  ${body};\n}\n`;
  const importOf = (local: string, module: string) => (c.importStyle === 'default' ? `import ${local} from '${module}';` : `import * as ${local} from '${module}';`);
  return [
    importOf('pc', 'picocolors'),
    importOf('resolve', 'enhanced-resolve'),
    `import ollama from 'ollama';`,
    '',
    fn('warn', 'message: string', 'string', 'return pc.yellow(message)'),
    // The callback's parameters are typed by enhanced-resolve's declarations: a loader typed
    // \`any\` would leave them implicitly any (TS7006) under strict.
    fn('locate', 'request: string, done: (found: string | false | undefined) => void', 'void', 'resolve(process.cwd(), request, (error, found) => done(error ? undefined : found))'),
    fn('models', '', 'string[]', `return ollama.list()${esm ? '' : '.then(() => [])'} as never`),
  ].join('\n');
}

/** Errors of `file` under the case's settings (ts-morph: the TypeScript lazify itself uses). */
function diagnostics(dir: string, file: string, compilerOptions: Record<string, unknown>): string[] {
  const { options, errors } = ts.convertCompilerOptionsFromJson({ strict: true, target: 'es2022', noEmit: true, skipLibCheck: true, types: ['node'], ...compilerOptions }, dir);
  assert.deepEqual(errors, []);
  const project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true });
  project.addSourceFileAtPath(join(dir, file));
  return project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getFilePath().slice(dir.length + 1) ?? ''}:${d.getLineNumber() ?? 0}: TS${d.getCode()} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, ' ')}`);
}

for (const c of cases) {
  test(`defer-heavy-import loaders type-check: ${c.name}`, () => {
    const before = source(c);
    const { dir, cleanup } = writeTempProject({ 'package.json': JSON.stringify({ name: 'case', type: c.type }), 'src/providers.ts': before });
    try {
      symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
      assert.deepEqual(diagnostics(dir, 'src/providers.ts', c.compilerOptions), [], 'the case must compile before the transform');
      const j = jscodeshift.withParser('ts');
      const reports: string[] = [];
      const after = deferHeavyImport.default(
        { path: 'src/providers.ts', source: before },
        { j, jscodeshift: j, stats: () => {}, report: (m: string) => reports.push(m) },
        { bindings: ['pc', 'resolve', 'ollama'], moduleFormat: c.moduleFormat },
      ) as string;
      assert.deepEqual(reports, []);
      assert.doesNotMatch(after, /^import (pc|resolve|ollama|\* as)/m, 'every value import is deferred');
      writeFileSync(join(dir, 'src/providers.ts'), after);
      assert.deepEqual(diagnostics(dir, 'src/providers.ts', c.compilerOptions), [], `after the transform:\n${after}`);
    } finally {
      cleanup();
    }
  });
}
