import { existsSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ModuleFormatDetector } from '../project/detect-module-format.js';
import { conditionsFor, findPackageEntry } from '../project/find-package-entry.js';
import { mapOutputToSource } from '../project/map-output-to-source.js';
import { readPackageJson } from '../project/read-package-json.js';
import { readTsconfig, type Tsconfig } from '../project/read-tsconfig.js';

/** What to load in the child and how to name what it loads. */
export interface MeasureTarget {
  /** Absolute, real project root (the directory of the package.json). */
  root: string;
  /** Absolute path of the file the child loads. */
  entryFile: string;
  /** `require` for CommonJS entries, `import` for ESM ones. */
  mode: 'require' | 'import';
  /** Absolute path of tsx's loader when the entry is TypeScript source. */
  tsxLoader?: string;
  /** The project's tsconfig, used to map build output back to sources for display. */
  tsconfig?: Tsconfig;
  diagnostics: Diagnostic[];
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
/** Suffixes Node tries for an extensionless `main`. */
const MAIN_SUFFIXES = ['', '.js', '.cjs', '.mjs', '/index.js', '/index.cjs', '/index.mjs'];

function findPackageDir(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `dist/x.js` -> `src/x.ts` (tsconfig outDir/rootDir), when that source file exists. */
export function mapBuildOutputToSource(file: string, mapping: { root: string; tsconfig?: Tsconfig }): string | undefined {
  return mapping.tsconfig ? mapOutputToSource(file, mapping.tsconfig.options, mapping.root) : undefined;
}

/**
 * The file Node runs for `require(pkg)` / `import(pkg)`: exports["."], main, module, then an
 * index file. Unlike the analysis entry this is the build output, not the source it maps to.
 */
function runtimeEntry(root: string): string {
  const pkg = readPackageJson(root);
  const found = findPackageEntry(pkg, conditionsFor(pkg.type === 'module' ? 'esm' : 'commonjs'));
  if (!found) {
    for (const candidate of ['index.js', 'index.mjs', 'index.cjs', 'index.ts', 'src/index.ts']) {
      if (existsSync(join(root, candidate))) return join(root, candidate);
    }
    throw new LazifyError('no-entry', `${join(root, 'package.json')} names no entry (exports, main or module) and there is no index file: pass the entry file instead`);
  }
  for (const suffix of MAIN_SUFFIXES) {
    const file = resolve(root, found.path + suffix);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return resolve(root, found.path);
}

function findTsxLoader(root: string): string {
  for (const base of [join(root, 'package.json'), import.meta.url]) {
    try {
      return createRequire(base).resolve('tsx');
    } catch {
      // not installed there; try the next place
    }
  }
  throw new LazifyError('tsx-missing', 'measuring TypeScript sources needs tsx: install it (npm i -D tsx) or build the package first');
}

/**
 * Finds what to load for `lazify importtime <target>`: a package directory (its exports or
 * main) or an entry file. A build output that is missing, or `tsx: true`, falls back to the
 * TypeScript source run through tsx.
 */
export function resolveMeasureTarget(target: string, options: { tsx?: boolean } = {}): MeasureTarget {
  const absolute = resolve(target);
  if (!existsSync(absolute)) throw new LazifyError('entry-not-found', `${target} does not exist: pass a package directory or an entry file`);
  const diagnostics: Diagnostic[] = [];
  let root: string;
  let entryFile: string;
  if (statSync(absolute).isDirectory()) {
    if (!existsSync(join(absolute, 'package.json'))) {
      throw new LazifyError('not-a-package', `${target} has no package.json: pass a package directory or an entry file`);
    }
    root = realpathSync(absolute);
    entryFile = runtimeEntry(root);
  } else {
    entryFile = realpathSync(absolute);
    root = findPackageDir(dirname(entryFile)) ?? dirname(entryFile);
  }
  const tsconfig = readTsconfig(root);
  const source = mapBuildOutputToSource(entryFile, { root, tsconfig });
  const relEntry = relative(root, entryFile).split(sep).join('/');
  if (!existsSync(entryFile) || (options.tsx && source)) {
    if (!source) throw new LazifyError('entry-not-found', `entry ${relEntry} does not exist: build the package first (e.g. npm run build)`);
    if (!existsSync(entryFile)) {
      diagnostics.push({
        code: 'measured-source',
        severity: 'info',
        message: `${relEntry} is not built; measured ${relative(root, source).split(sep).join('/')} through tsx instead (build the package to measure what its users load)`,
      });
    }
    entryFile = source;
  }
  const tsxLoader = TS_EXTENSIONS.includes(extname(entryFile)) ? findTsxLoader(root) : undefined;
  const mode = new ModuleFormatDetector(tsconfig?.moduleName).formatOf(entryFile) === 'esm' ? 'import' : 'require';
  return { root, entryFile, mode, tsxLoader, tsconfig, diagnostics };
}
