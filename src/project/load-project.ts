import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { absolutePathProblem } from './confine-path.js';
import { ModuleFormatDetector, type ModuleFormat } from './detect-module-format.js';
import { conditionsFor, findPackageEntry, type EntrySource } from './find-package-entry.js';
import { mapBundleToSource, mapOutputToSource, sourceCandidates } from './map-output-to-source.js';
import { readPackageJson, type PackageJson } from './read-package-json.js';
import { readTsconfigWithDiagnostics, type Tsconfig } from './read-tsconfig.js';

/** What lazify knows about the analysed package before it reads any module. */
export interface Project {
  /** Absolute package directory. */
  root: string;
  packageJson: PackageJson;
  /** Parsed tsconfig.json, when the project has one. */
  tsconfig?: Tsconfig;
  /** Format of `.js` files at the package root (package.json `type`). */
  packageFormat: ModuleFormat;
  /** Absolute path of the entry source file. */
  entryFile: string;
  /** Where the entry came from: `--entry`, package.json `exports`/`main`/`module`, or an index file. */
  entrySource: EntrySource | 'option';
  /** Per-file runtime format (cached). */
  formats: ModuleFormatDetector;
  /** Problems with the configuration that did not stop the analysis. */
  diagnostics: Diagnostic[];
}

export interface LoadProjectOptions {
  /** Entry file override (`--entry`), relative to the project dir or absolute. */
  entry?: string;
}

/** Files tried, in order, when package.json names no entry. */
const INDEX_CANDIDATES = ['index.js', 'index.mjs', 'index.cjs', 'index.ts', 'src/index.ts', 'src/index.js', 'src/index.mts'];
/** Suffixes Node and bundlers try for an extensionless `main`. */
const MAIN_SUFFIXES = ['', '.js', '.cjs', '.mjs', '.json', '/index.js', '/index.cjs', '/index.mjs'];

/**
 * Reads package.json and tsconfig.json and finds the entry source file. Every way this can
 * fail is a user error ({@link LazifyError}) naming the directory or file.
 */
export function loadProject(dir: string, options: LoadProjectOptions = {}): Project {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new LazifyError('no-project-dir', `${root} is not a directory`, root);
  }
  const packageJson = readPackageJson(root);
  const { tsconfig, diagnostics } = readTsconfigWithDiagnostics(root);
  const packageFormat: ModuleFormat = packageJson.type === 'module' ? 'esm' : 'commonjs';
  const found = options.entry ? entryFromOption(root, options.entry, tsconfig) : entryFromPackage(root, packageJson, packageFormat, tsconfig);
  const { source: entrySource } = found;
  let entryFile = found.file;
  // A bundled entry no tsconfig outDir maps back (tsup, tsdown): findings and edits would point
  // at build output. An --entry the user chose is taken as it is.
  const bundle = entrySource === 'option' ? undefined : mapBundleToSource(entryFile, root, packageJson.devDependencies as Record<string, unknown> | undefined);
  if (bundle?.kind === 'mapped') {
    diagnostics.push({
      code: 'entry-from-source-map',
      severity: 'info',
      message: `the entry ${relative(root, found.file)} is build output; analysing its source ${relative(root, bundle.source)}, found through ${relative(root, bundle.map)}`,
      file: relative(root, bundle.source).split('\\').join('/'),
    });
    entryFile = bundle.source;
  } else if (bundle?.kind === 'unmapped') {
    const built = bundle.bundler ? ` (built by ${bundle.bundler}?)` : '';
    const pass = bundle.likelySource ? `--entry ${relative(root, bundle.likelySource).split('\\').join('/')}` : '--entry with the source file';
    diagnostics.push({
      code: 'entry-is-build-output',
      severity: 'warning',
      message: `the entry ${relative(root, found.file).split('\\').join('/')} is build output${built} and no source map or tsconfig outDir leads back to its source: findings and edits point at build output; pass ${pass}`,
      file: relative(root, found.file).split('\\').join('/'),
    });
  }
  // An entry out of the root (`"main": "../other/index.js"`, a symlink) would make apply rewrite
  // another package's files: lazify works on the project's own files only.
  const outside = absolutePathProblem(root, entryFile, relative(root, entryFile).split('\\').join('/') || entryFile);
  if (outside) {
    const from = entrySource === 'option' ? '--entry' : `package.json ${entrySource}`;
    throw new LazifyError('entry-outside-project', `the entry (from ${from}): ${outside}; lazify reads and rewrites only the project's own files`, entryFile);
  }
  return {
    root,
    packageJson,
    tsconfig,
    packageFormat,
    entryFile,
    entrySource,
    formats: new ModuleFormatDetector(tsconfig?.moduleName),
    diagnostics,
  };
}

function entryFromOption(root: string, entry: string, tsconfig?: Tsconfig): { file: string; source: 'option' } {
  const candidates = [resolve(root, entry), resolve(entry)];
  for (const candidate of candidates) {
    const source = tsconfig ? mapOutputToSource(candidate, tsconfig.options, root) : undefined;
    if (source) return { file: source, source: 'option' };
    if (existsSync(candidate) && statSync(candidate).isFile()) return { file: candidate, source: 'option' };
  }
  throw new LazifyError('entry-not-found', `entry ${entry} does not exist (looked in ${root})`, entry);
}

function entryFromPackage(
  root: string,
  pkg: PackageJson,
  format: ModuleFormat,
  tsconfig?: Tsconfig,
): { file: string; source: EntrySource } {
  const found = findPackageEntry(pkg, conditionsFor(format));
  if (!found) {
    for (const candidate of INDEX_CANDIDATES) {
      const file = join(root, candidate);
      if (existsSync(file)) return { file, source: 'index' };
    }
    throw new LazifyError(
      'no-entry',
      `${join(root, 'package.json')} names no entry (exports, main or module) and there is no index file: pass --entry FILE`,
      root,
    );
  }
  for (const suffix of MAIN_SUFFIXES) {
    const file = resolve(root, found.path + suffix);
    // Build output that is not there yet still maps to its source.
    const source = tsconfig ? mapOutputToSource(file, tsconfig.options, root) : undefined;
    if (source) return { file: source, source: found.source };
    if (existsSync(file) && statSync(file).isFile()) return { file, source: found.source };
  }
  const expected = tsconfig ? sourceCandidates(resolve(root, found.path), tsconfig.options, root)[0] : undefined;
  const lookedFor = expected ? ` and its source ${relative(root, expected)} does not exist either` : '';
  throw new LazifyError(
    'entry-not-found',
    `entry ${found.path} (package.json ${found.source}) does not exist in ${root}${lookedFor}: fix package.json ${found.source}, build the package or pass --entry FILE`,
    relative(root, resolve(root, found.path)),
  );
}
