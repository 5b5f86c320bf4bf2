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
 * diagnostic: the project's own options still apply.
 */
export function readTsconfigWithDiagnostics(dir: string): { tsconfig?: Tsconfig; diagnostics: Diagnostic[] } {
  const file = join(dir, 'tsconfig.json');
  if (!existsSync(file)) return { diagnostics: [] };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) {
    throw new LazifyError('bad-tsconfig', `${file}: ${flatten(read.error.messageText)}`, file);
  }
  const diagnostics: Diagnostic[] = [];
  let parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file), undefined, file);
  const missingBase = parsed.errors.find((d) => d.code === 6053 || d.code === 5083);
  if (missingBase) {
    diagnostics.push({
      code: 'tsconfig-extends-not-found',
      severity: 'warning',
      message: `tsconfig.json: ${flatten(missingBase.messageText)}; using its own options without the base`,
      file: 'tsconfig.json',
    });
    const { extends: _ignored, ...own } = read.config as Record<string, unknown>;
    parsed = ts.parseJsonConfigFileContent(own, ts.sys, dirname(file), undefined, file);
  }
  const moduleName = parsed.options.module === undefined ? undefined : ts.ModuleKind[parsed.options.module];
  return { tsconfig: { file, options: parsed.options, moduleName, fileNames: parsed.fileNames }, diagnostics };
}

/** {@link readTsconfigWithDiagnostics} for callers that only need the options. */
export function readTsconfig(dir: string): Tsconfig | undefined {
  return readTsconfigWithDiagnostics(dir).tsconfig;
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return ts.flattenDiagnosticMessageText(message, ' ');
}
