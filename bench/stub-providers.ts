// The import-time "floor": the gateway as if every provider cost nothing to load. Each provider
// module keeps its exported names but loses its imports (SDKs, utils) and its code, so what is
// left to load is the rest of the gateway: the least any lazy rewrite could reach.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';

/** A provider file replaced by a stub, and the names the stub exports. */
export interface StubbedModule {
  file: string;
  exports: string[];
}

/**
 * Replaces every provider module in `<dir>/src/providers/` (files exporting a class, `base.ts`
 * excepted) by minimal classes of the same names. Other files (register-all.ts) stay as they are.
 */
export function stubProviderModules(dir: string): StubbedModule[] {
  const providersDir = join(dir, 'src', 'providers');
  const stubbed: StubbedModule[] = [];
  for (const name of readdirSync(providersDir).sort()) {
    if (!/\.[cm]?ts$/.test(name) || name.endsWith('.d.ts') || /^base\.[cm]?ts$/.test(name)) continue;
    const file = join(providersDir, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    const stub = stubFor(source);
    if (!stub) continue;
    writeFileSync(file, stub.text);
    stubbed.push({ file: `src/providers/${name}`, exports: stub.exports });
  }
  return stubbed;
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The stub text for a module exporting at least one class; undefined for a module that exports none. */
function stubFor(source: ts.SourceFile): { text: string; exports: string[] } | undefined {
  const lines: string[] = [];
  const exports: string[] = [];
  let hasClass = false;
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isClassDeclaration(statement) && statement.name) {
      hasClass = true;
      exports.push(statement.name.text);
      // Any members and any constructor: callers type-check against the real class's shape.
      lines.push(`export class ${statement.name.text} {\n  [key: string]: any;\n  constructor(..._args: any[]) {}\n}`);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      exports.push(statement.name.text);
      lines.push(`export function ${statement.name.text}(..._args: any[]): any {\n  return undefined;\n}`);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        exports.push(declaration.name.text);
        lines.push(`export const ${declaration.name.text}: any = {};`);
      }
    }
  }
  if (!hasClass) return undefined;
  return { text: `// Benchmark floor stub: same exported names, no imports, no code.\n${lines.join('\n\n')}\n`, exports };
}
