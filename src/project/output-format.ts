import { parse, type ParseError } from 'jsonc-parser';
import { fileFormat, type ModuleFormat } from './detect-module-format.js';

/** Reads root-relative files of the project: the disk, or the file set an apply is rewriting. */
export interface ProjectFileReader {
  read(path: string): string | undefined;
}

/**
 * How a source file runs once built, decided by {@link fileFormat} (the graph's decision) from
 * the project's package.json `type` and tsconfig `module`, read through `project`: the later
 * stages ask this, never a tsconfig of their own.
 */
export function outputFormatOf(file: string, project: ProjectFileReader): ModuleFormat {
  const packageFormat = readProjectJson(project, 'package.json')?.type === 'module' ? 'esm' : 'commonjs';
  const module = readTsconfigModule(project);
  return fileFormat(file, packageFormat, module === undefined ? undefined : String(module));
}

/**
 * A JSON object file of the project, or undefined: read leniently, as tsc reads tsconfig files
 * (comments, trailing commas, a byte order mark; an empty file is an empty object).
 */
export function readProjectJson(project: ProjectFileReader, path: string): Record<string, any> | undefined {
  const text = project.read(path)?.replace(/^\uFEFF/, '');
  if (text === undefined) return undefined;
  if (text.trim() === '') return {};
  const errors: ParseError[] = [];
  const config: unknown = parse(text, errors, { allowTrailingComma: true });
  return errors.length > 0 || typeof config !== 'object' || config === null || Array.isArray(config) ? undefined : (config as Record<string, any>);
}

/** `compilerOptions.module` of tsconfig.json, following a relative `extends` chain. */
function readTsconfigModule(project: ProjectFileReader, path = 'tsconfig.json', depth = 0): string | undefined {
  const config = readProjectJson(project, path);
  if (!config || depth > 5) return undefined;
  const own = config.compilerOptions?.module;
  if (own !== undefined) return own;
  if (typeof config.extends === 'string' && config.extends.startsWith('.')) {
    const base = config.extends.endsWith('.json') ? config.extends : `${config.extends}.json`;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    return readTsconfigModule(project, (dir + base).replace(/^\.\//, ''), depth + 1);
  }
  return undefined;
}
