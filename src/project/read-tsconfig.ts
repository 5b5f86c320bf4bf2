import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';
import { LazifyError } from '../diagnostics/diagnostic.js';

/** A project's parsed tsconfig.json, with `extends` already applied. */
export interface Tsconfig {
  /** Absolute path of the tsconfig file. */
  file: string;
  options: ts.CompilerOptions;
}

/**
 * Reads `dir/tsconfig.json` when there is one (it is optional for JavaScript projects).
 * `ts.parseJsonConfigFileContent` follows `extends` chains and makes paths absolute,
 * so rootDir/outDir/baseUrl/paths come back ready to use.
 */
export function readTsconfig(dir: string): Tsconfig | undefined {
  const file = join(dir, 'tsconfig.json');
  if (!existsSync(file)) return undefined;
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) {
    throw new LazifyError('bad-tsconfig', `${file}: ${flatten(read.error.messageText)}`, file);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file), undefined, file);
  // Only a broken `extends` is fatal; "no inputs found" and option warnings do not stop an analysis.
  const fatal = parsed.errors.find((d) => d.code === 5083 || d.code === 6053);
  if (fatal) throw new LazifyError('bad-tsconfig', `${file}: ${flatten(fatal.messageText)}`, file);
  return { file, options: parsed.options };
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return ts.flattenDiagnosticMessageText(message, ' ');
}
