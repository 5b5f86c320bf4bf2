import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { generateGateway, GENERATED_EXTERNALS, MIN_MODULES, type GeneratedGateway } from '../../bench/generate-gateway.js';

interface ParsedImport {
  specifier: string;
  typeOnly: boolean;
}

/** Import and re-export specifiers of one file, read with the TypeScript parser. */
function importsOf(file: string, text: string): ParsedImport[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: ParsedImport[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
    }
  }
  return found;
}

/** Resolves a relative specifier the way tsc does for the gateway's format; undefined when no generated file matches. */
function resolveLocal(gateway: GeneratedGateway, from: string, specifier: string): string | undefined {
  const base = posix.join(posix.dirname(from), specifier);
  const candidates = base.endsWith('.js') ? [base.replace(/\.js$/, '.ts')] : [`${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => gateway.files.has(c));
}

function isExternal(specifier: string): boolean {
  return specifier.startsWith('node:') || (GENERATED_EXTERNALS as readonly string[]).includes(specifier);
}

for (const format of ['commonjs', 'esm'] as const) {
  for (const modules of [MIN_MODULES, 137]) {
    test(`${format}, ${modules} modules: exactly that many modules, every import resolves, all reachable from the entry`, () => {
      const gateway = generateGateway({ modules, format });
      assert.equal(gateway.modules.length, modules);
      assert.ok(gateway.modules.every((m) => m.endsWith('.ts') && gateway.files.has(m)));
      assert.ok(gateway.files.has('package.json') && gateway.files.has('tsconfig.json'));
      assert.equal(gateway.entry, 'src/index.ts');

      const runtimeEdges = new Map<string, string[]>();
      let typeOnly = 0;
      const externals = new Set<string>();
      for (const file of gateway.modules) {
        const edges: string[] = [];
        for (const { specifier, typeOnly: isTypeOnly } of importsOf(file, gateway.files.get(file)!)) {
          if (specifier.startsWith('.')) {
            if (format === 'esm') assert.match(specifier, /\.js$/, `${file}: ESM specifier without .js: ${specifier}`);
            else assert.doesNotMatch(specifier, /\.[jt]s$/, `${file}: CommonJS specifier with an extension: ${specifier}`);
            const target = resolveLocal(gateway, file, specifier);
            assert.ok(target, `${file}: '${specifier}' does not resolve to a generated file`);
            if (isTypeOnly) typeOnly++;
            else edges.push(target);
          } else {
            assert.ok(isExternal(specifier), `${file}: unexpected package '${specifier}'`);
            externals.add(specifier);
          }
        }
        runtimeEdges.set(file, edges);
      }
      assert.ok(typeOnly > 0, 'some imports should be type-only');
      assert.ok(externals.has('zod') && externals.has('openai') && externals.has('js-tiktoken'));

      // Walk runtime edges only: type-only imports must not be what makes a module reachable.
      const seen = new Set<string>([gateway.entry]);
      const queue = [gateway.entry];
      while (queue.length) for (const next of runtimeEdges.get(queue.pop()!)!) if (!seen.has(next)) seen.add(next), queue.push(next);
      assert.deepEqual(gateway.modules.filter((m) => !seen.has(m)), []);
    });
  }
}

test('the three registration shapes each cover every provider', () => {
  const gateway = generateGateway({ modules: 300 });
  const router = gateway.files.get('src/router.ts')!;
  const registerAll = gateway.files.get('src/providers/register-all.ts')!;
  const factories = gateway.files.get('src/factories.ts')!;
  assert.ok(gateway.providers.length >= 10);
  for (const name of gateway.providers) {
    assert.match(router, new RegExp(`'${name}/': \\w+Handler,`));
    assert.match(registerAll, new RegExp(`^registerProvider\\('${name}', \\w+Handler\\);$`, 'm'));
    assert.match(factories, new RegExp(`'${name}': \\(options: HandlerOptions\\) => new \\w+Handler\\(options\\),`));
    assert.ok(gateway.files.has(`src/providers/${name}/handler.ts`));
  }
});

test('the utils god-module is imported by many modules and sits on a cycle with the router', () => {
  const gateway = generateGateway({ modules: 300 });
  const importers = gateway.modules.filter((file) =>
    importsOf(file, gateway.files.get(file)!).some((i) => !i.typeOnly && resolveLocal(gateway, file, i.specifier) === 'src/utils.ts'),
  );
  assert.ok(importers.length > gateway.modules.length / 3, `only ${importers.length} importers of utils`);
  assert.ok(importsOf('src/utils.ts', gateway.files.get('src/utils.ts')!).some((i) => i.specifier === './router'));
});

test('same options give the same files; another seed gives different ones', () => {
  const a = generateGateway({ modules: 150, seed: 7 });
  const b = generateGateway({ modules: 150, seed: 7 });
  const c = generateGateway({ modules: 150, seed: 8 });
  assert.deepEqual([...a.files], [...b.files]);
  assert.notDeepEqual([...a.files], [...c.files]);
  assert.deepEqual(a.modules, c.modules);
});

test('refuses sizes below the fixed skeleton', () => {
  assert.throws(() => generateGateway({ modules: MIN_MODULES - 1 }), RangeError);
});
