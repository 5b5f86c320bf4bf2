import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from './typescript.cjs';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A project's parsed tsconfig.json, with `extends` already applied. */
export interface Tsconfig {
  /** Absolute path of the tsconfig file. */
  file: string;
  options: ts.CompilerOptions;
  /** `compilerOptions.module` by its name (`CommonJS`, `NodeNext`, ...), when set. */
  moduleName?: string;
  /** Absolute paths of the files the tsconfig includes (`files`/`include` minus `exclude`). */
  fileNames: string[];
}

/**
 * Reads `dir/tsconfig.json` when there is one (it is optional for JavaScript projects).
 * `ts.parseJsonConfigFileContent` follows `extends` chains and makes paths absolute,
 * so rootDir/outDir/baseUrl/paths come back ready to use. A base config that is not
 * installed (published packages often ship a tsconfig extending a dev dependency) is a
 * diagnostic: the project's own options still apply. `compiler` reads it (lazify's copy of
 * TypeScript unless a check runs with the project's own, see project-compiler.ts).
 */
export function readTsconfigWithDiagnostics(dir: string, compiler: typeof ts = ts): { tsconfig?: Tsconfig; diagnostics: Diagnostic[] } {
  const file = join(dir, 'tsconfig.json');
  if (!existsSync(file)) return { diagnostics: [] };
  const read = compiler.readConfigFile(file, compiler.sys.readFile);
  if (read.error) {
    throw new LazifyError('bad-tsconfig', `${file}: ${flatten(compiler, read.error.messageText)}`, file);
  }
  const diagnostics: Diagnostic[] = [];
  let parsed = compiler.parseJsonConfigFileContent(read.config, compiler.sys, dirname(file), undefined, file);
  const missingBase = parsed.errors.find((d) => d.code === 6053 || d.code === 5083);
  if (missingBase) {
    diagnostics.push({
      code: 'tsconfig-extends-not-found',
      severity: 'warning',
      message: `tsconfig.json: ${flatten(compiler, missingBase.messageText)}; using its own options without the base`,
      file: 'tsconfig.json',
    });
    const { extends: _ignored, ...own } = read.config as Record<string, unknown>;
    parsed = compiler.parseJsonConfigFileContent(own, compiler.sys, dirname(file), undefined, file);
  }
  const moduleName = parsed.options.module === undefined ? undefined : compiler.ModuleKind[parsed.options.module];
  return { tsconfig: { file, options: parsed.options, moduleName, fileNames: parsed.fileNames }, diagnostics };
}

/** {@link readTsconfigWithDiagnostics} for callers that only need the options. */
export function readTsconfig(dir: string, compiler: typeof ts = ts): Tsconfig | undefined {
  return readTsconfigWithDiagnostics(dir, compiler).tsconfig;
}

function flatten(compiler: typeof ts, message: string | ts.DiagnosticMessageChain): string {
  return compiler.flattenDiagnosticMessageText(message, ' ');
}
