// Finds and validates lazify's config file. The loader is lilconfig (the search places and
// loaders every JS tool uses); validation is the zod schema in config-schema.ts. A config lazify
// cannot use stops the run with one line naming the file and the key, before any work.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { lilconfig, type LilconfigResult } from 'lilconfig';
import type { z } from 'zod';
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { FindingKind } from '../findings/finding.js';
import type { IgnoreRule } from '../findings/apply-suppressions.js';
import { closestName } from '../messages/closest-name.js';
import { expectedType, optionPath } from '../../transforms/parse-options.js';
import { configSchema, parseSize } from './config-schema.js';

/** Where lazify looks for its config in the project root, in this order. */
export const CONFIG_FILES = ['package.json', 'lazify.config.json', 'lazify.config.js', 'lazify.config.mjs', 'lazify.config.cjs'] as const;

/** Import budgets of `lazify check`; absent ones are not checked. */
export interface Budgets {
  /** Most modules loaded at import. */
  modules?: number;
  /** Most bytes loaded at import. */
  bytes?: number;
  /** Most measured import time as a multiple of a bare `node -e 0` start. */
  importRatio?: number;
  /** Most measured import time, in ms. */
  importMs?: number;
}

/** A validated config with sizes in bytes and every list present. */
export interface LazifyConfig {
  /** Absolute path of the file it came from; undefined when the project has none. */
  file?: string;
  /** How messages name that file (`lazify.config.json`, `package.json "lazify"`). */
  label?: string;
  /** Entry file relative to the project root. */
  entry?: string;
  /** Globs plan and apply may rewrite besides the package. */
  include: string[];
  /** Globs plan and apply never rewrite. */
  exclude: string[];
  /** Finding kinds turned off (true) or on; absent kinds are on. */
  kinds: Partial<Record<FindingKind, boolean>>;
  /** Findings saving fewer bytes are left out (those costing no bytes are kept). */
  minSaving?: number;
  failOn?: 'high' | 'medium' | 'low';
  ignore: IgnoreRule[];
  budgets: Budgets;
}

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
  return validateConfig(found.config, label, found.filepath);
}

/**
 * Validates a config object (as read from `label`) and normalises it: sizes to bytes, lists present.
 * Throws a `bad-config` {@link LazifyError} with one line naming the first problem.
 */
export function validateConfig(value: unknown, label: string, file?: string): LazifyConfig {
  // A JS config may export a module namespace whose default is the config.
  const content = value && typeof value === 'object' && 'default' in value && Object.keys(value).length === 1 ? (value as { default: unknown }).default : value;
  const parsed = configSchema.safeParse(content, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new LazifyError('bad-config', `${label}: ${describeIssue(issues[0]!)}${more}`, file);
  }
  const config = parsed.data;
  return {
    file,
    label,
    entry: config.entry,
    include: config.apply?.include ?? [],
    exclude: config.apply?.exclude ?? [],
    kinds: config.findings?.kinds ?? {},
    minSaving: config.findings?.minSaving === undefined ? undefined : parseSize(config.findings.minSaving),
    failOn: config.findings?.failOn,
    ignore: config.ignore ?? [],
    budgets: {
      modules: config.budgets?.modules,
      bytes: config.budgets?.bytes === undefined ? undefined : parseSize(config.budgets.bytes),
      importRatio: config.budgets?.importRatio,
      importMs: config.budgets?.importMs,
    },
  };
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

type Issue = z.core.$ZodIssue;

/** One issue as words: `unknown key "entyr" (did you mean "entry"?)`, `"budgets.modules" must be a whole number, not 1.5`. */
function describeIssue(issue: Issue): string {
  const key = optionPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(issue.path);
      return issue.keys
        .map((name) => {
          const full = key ? `${key}.${name}` : name;
          const suggestion = closestName(name, known);
          return `unknown key "${full}"${suggestion ? ` (did you mean "${suggestion}"?)` : known.length > 0 ? ` (known keys: ${known.join(', ')})` : ''}`;
        })
        .join('; ');
    }
    case 'invalid_type':
      return `${key ? `"${key}"` : 'the config'} must be ${expectedType(issue.expected, 'a list')}${issue.input !== undefined ? `, not ${JSON.stringify(issue.input)}` : ''}`;
    case 'invalid_value': {
      const suggestion = typeof issue.input === 'string' ? closestName(issue.input, issue.values.map(String)) : undefined;
      return `"${key}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
    case 'invalid_union': {
      // The first branch's own complaint says more than "no branch matched".
      const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type') ?? issue.errors.flat()[0];
      return inner ? describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue) : `"${key}": ${issue.message}`;
    }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return `"${key}" must not be empty`;
      return `"${key}" must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'invalid_key':
      return `"${key}" has a key that is not allowed: ${issue.message}`;
    default:
      return key ? `"${key}": ${issue.message}` : issue.message;
  }
}

/** Keys the schema allows in the object at `path`, for "did you mean". */
function knownKeys(path: readonly PropertyKey[]): string[] {
  type Def = { type: string; innerType?: Schema; shape?: Record<string, Schema>; element?: Schema; options?: Schema[]; keyType?: Schema; entries?: Record<string, string>; in?: Schema };
  type Schema = { def: Def; shape?: Record<string, Schema> };
  const unwrap = (schema: Schema): Schema => {
    let current = schema;
    while (current.def.innerType || current.def.in) current = (current.def.innerType ?? current.def.in)!;
    return current;
  };
  const keysOf = (schema: Schema): string[] => {
    const inner = unwrap(schema);
    if (inner.def.type === 'object') return Object.keys(inner.def.shape ?? {});
    if (inner.def.type === 'record' && inner.def.keyType) return Object.values(unwrap(inner.def.keyType).def.entries ?? {});
    if (inner.def.type === 'union') return (inner.def.options ?? []).flatMap(keysOf);
    return [];
  };
  let schema: Schema | undefined = configSchema as unknown as Schema;
  for (const part of path) {
    if (!schema) return [];
    const inner = unwrap(schema);
    if (typeof part === 'number') {
      const element: Schema | undefined = inner.def.element;
      schema = element ? (unwrap(element).def.type === 'union' ? unwrap(element).def.options?.find((o) => unwrap(o).def.type === 'object') : element) : undefined;
    } else if (inner.def.type === 'object') schema = inner.def.shape?.[String(part)];
    else return [];
  }
  return schema ? keysOf(schema) : [];
}

export { EMPTY as DEFAULT_CONFIG };
