// Finds lazify's config file and has it validated. The loader is lilconfig (the search places and
// loaders every JS tool uses); validation (validate-config.ts, with zod) loads only when the project
// has a config: zod alone takes about 100 ms to load. A config lazify cannot use stops the run with
// one line naming the file and the key, before any work.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { lilconfig, type LilconfigResult } from 'lilconfig';
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { LazifyConfig } from './lazify-config.js';

/** Where lazify looks for its config in the project root, in this order. */
export const CONFIG_FILES = ['package.json', 'lazify.config.json', 'lazify.config.js', 'lazify.config.mjs', 'lazify.config.cjs'] as const;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** A config file to use instead of searching the project root (`--config FILE`), relative to `cwd`. */
  configFile?: string;
  /** Directory `configFile` is read against (default: the process's). */
  cwd?: string;
}

const EMPTY: LazifyConfig = { include: [], exclude: [], kinds: {}, ignore: [], budgets: {} };

/**
 * The config of the project in `root`: `configFile` when given, else the first of
 * {@link CONFIG_FILES} in the root that configures lazify (package.json only with a "lazify"
 * key). A project without one gets the defaults. Throws a {@link LazifyError} (`bad-config`)
 * naming the file and the key when the file cannot be read or is not a valid config.
 */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<LazifyConfig> {
  const absoluteRoot = resolve(root);
  const explorer = lilconfig('lazify', { searchPlaces: [...CONFIG_FILES], stopDir: absoluteRoot, cache: false });
  let found: LilconfigResult;
  let label: string;
  if (options.configFile !== undefined) {
    const file = resolve(options.cwd ?? process.cwd(), options.configFile);
    label = options.configFile;
    if (!existsSync(file)) throw new LazifyError('bad-config', `${label}: config file not found`, file);
    found = await readWith(label, file, () => explorer.load(file));
    if (basename(file) === 'package.json') label = `${label} "lazify"`;
    if (!found || found.isEmpty) return { ...EMPTY, file, label };
  } else {
    const present = CONFIG_FILES.filter((name) => name === 'package.json' ? packageJsonConfigures(absoluteRoot) : existsSync(resolve(absoluteRoot, name)));
    if (present.length > 1) {
      throw new LazifyError('bad-config', `${present.map(describeFile).join(' and ')} both configure lazify: keep one`, resolve(absoluteRoot, present[0]!));
    }
    if (present.length === 0) return { ...EMPTY };
    label = describeFile(present[0]!);
    found = await readWith(label, resolve(absoluteRoot, present[0]!), () => explorer.search(absoluteRoot));
    if (!found || found.isEmpty) return { ...EMPTY, file: resolve(absoluteRoot, present[0]!), label };
    label = describeFile(relative(absoluteRoot, found.filepath).split('\\').join('/'));
  }
  const { validateConfig } = await import('./validate-config.js');
  return validateConfig(found.config, label, found.filepath);
}

async function readWith(label: string, file: string, read: () => Promise<LilconfigResult>): Promise<LilconfigResult> {
  try {
    return await read();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const what = /\.json$/.test(file) ? 'not valid JSON' : 'could not be loaded';
    throw new LazifyError('bad-config', `${label}: ${what}: ${message}`, file);
  }
}

function packageJsonConfigures(root: string): boolean {
  try {
    const json = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    return json && typeof json === 'object' && 'lazify' in json;
  } catch {
    // An unreadable package.json is loadProject's to report, with its own message.
    return false;
  }
}

function describeFile(name: string): string {
  return name === 'package.json' ? 'package.json "lazify"' : name;
}

export { EMPTY as DEFAULT_CONFIG };
