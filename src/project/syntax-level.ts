import semver from 'semver';
import type { ProjectReader } from '../../transforms/transform-module.js';
import { enginesNode } from './require-esm-support.js';
import { readProjectJson as readJson } from './output-format.js';

/**
 * The newest syntax generated code may use in a project's plain JavaScript files, and what
 * decided it. Levels are ECMAScript editions by year (5 for ES5): 2015 brings `const`, `let`
 * and arrows, 2018 object spread, 2021 `??=`. TypeScript files are compiled down to their
 * `target` by tsc, so the limit concerns the files that run as written.
 */
export interface SyntaxLevel {
  /** ECMAScript edition (5, 2015 ... 2021); `Infinity` when nothing limits it. */
  level: number;
  /** What set it: `engines.node >=12`, `.eslintrc.json ecmaVersion 5`, `tsconfig target ES5`; absent when unlimited. */
  source?: string;
}

// The first Node version that runs each edition's syntax generated code uses.
const NODE_SYNTAX: Array<[string, number]> = [['15.0.0', 2021], ['8.3.0', 2018], ['6.0.0', 2015]];

/**
 * The lowest limit of package.json `engines.node` (its oldest admitted version), eslint's
 * `parserOptions.ecmaVersion` (.eslintrc.json, .eslintrc, package.json `eslintConfig`) and a
 * tsconfig `target` that also covers JavaScript (`allowJs`, or `ES3`/`ES5`, which tell the
 * project's own floor). Decided once per project: every transform honours the same level.
 */
export function projectSyntaxLevel(project: ProjectReader): SyntaxLevel {
  const limits: SyntaxLevel[] = [];
  const packageJson = readJson(project, 'package.json');
  const engines = enginesNode(packageJson);
  const oldest = typeof engines === 'string' && semver.validRange(engines) ? semver.minVersion(engines) : null;
  if (oldest) {
    const edition = NODE_SYNTAX.find(([version]) => semver.gte(oldest, version))?.[1] ?? 5;
    limits.push({ level: edition, source: `engines.node "${engines}"` });
  }
  for (const [file, config] of [['.eslintrc.json', readJson(project, '.eslintrc.json')], ['.eslintrc', readJson(project, '.eslintrc')], ['package.json eslintConfig', packageJson?.eslintConfig]] as const) {
    const version = (config as { parserOptions?: { ecmaVersion?: unknown } } | undefined)?.parserOptions?.ecmaVersion;
    if (typeof version === 'number') limits.push({ level: version < 2015 && version > 5 ? version + 2009 : version, source: `${file} ecmaVersion ${version}` });
  }
  const tsconfig = readJson(project, 'tsconfig.json')?.compilerOptions as { target?: unknown; allowJs?: unknown } | undefined;
  const target = typeof tsconfig?.target === 'string' ? tsconfig.target.toUpperCase() : undefined;
  if (target && (tsconfig?.allowJs === true || target === 'ES3' || target === 'ES5')) {
    const year = target === 'ES3' || target === 'ES5' ? 5 : target === 'ES6' ? 2015 : Number(/^ES(\d{4})$/.exec(target)?.[1] ?? Infinity);
    limits.push({ level: year, source: `tsconfig target ${tsconfig!.target}` });
  }
  return limits.reduce<SyntaxLevel>((lowest, limit) => (limit.level < lowest.level ? limit : lowest), { level: Infinity });
}

