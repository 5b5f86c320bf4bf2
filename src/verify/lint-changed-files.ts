// Lints the files a rewrite changed with the project's own ESLint, before and after, in memory
// (the texts go on stdin; nothing is written): a maintainer whose pre-commit hook runs ESLint
// learns, in apply's output, of every problem the rewrite adds (file:line rule). Problems the
// file already had are not lazify's and are never counted.
//
// Loaders are CommonJS `require` calls, which `@typescript-eslint/no-require-imports` (in
// typescript-eslint's recommended set), `no-var-requires` and `global-require` forbid: where
// the project's config reports one of those on a line lazify generated, the line gets the
// disable comment a maintainer would write (`// eslint-disable-next-line <rule> -- loaded on
// first use`), and the file is linted again: what is left is reported, not hidden.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../edits/file-set.js';

/** One lint problem the rewrite adds. */
export interface LintProblem {
  /** Root-relative path, forward slashes. */
  file: string;
  /** 1-based line in the changed file. */
  line: number;
  /** The rule's id (`@typescript-eslint/no-require-imports`); `parse` for a fatal parse error. */
  rule: string;
  message: string;
}

/** What linting the changed files found. */
export interface LintResult {
  linter: 'eslint';
  /** Files linted before and after (relative paths). */
  linted: string[];
  /** Problems the rewrite adds, by file and line. */
  added: LintProblem[];
  /** Generated lines (lines of the rewrite as linted first) that got a disable comment for a rule that forbids `require`, as `file:line rule`. */
  allowed: string[];
  /** Set when ESLint could not run on the changes (a broken config): the first line of its error. */
  failed?: string;
}

const CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc.yaml',
  '.eslintrc.yml',
];

const LINTED = /\.(?:[mc]?tsx?|[mc]?jsx?)$/;

/** Rules that forbid a `require` call: a loader is one on purpose. */
const REQUIRE_RULES = new Set(['@typescript-eslint/no-require-imports', '@typescript-eslint/no-var-requires', 'global-require', 'n/global-require', 'node/global-require']);

/** The project's ESLint binary, when the project configures ESLint at its root and installs it. */
export function findProjectEslint(root: string): string | undefined {
  let configured = CONFIG_FILES.some((file) => existsSync(join(root, file)));
  if (!configured) {
    try {
      configured = 'eslintConfig' in (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>);
    } catch {
      // No readable package.json: only config files can name ESLint.
    }
  }
  const bin = join(root, 'node_modules', '.bin', 'eslint');
  return configured && existsSync(bin) ? bin : undefined;
}

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line?: number;
  fatal?: boolean;
}

/**
 * Lints each changed file's text as it was and as it will be; returns the changes (with disable
 * comments on generated `require` lines where the project's rules forbid them) and what is new.
 */
export function lintChangedFiles(root: string, changes: FileChange[], eslint = findProjectEslint(root)): { changes: FileChange[]; result?: LintResult } {
  if (!eslint) return { changes };
  const result: LintResult = { linter: 'eslint', linted: [], added: [], allowed: [] };
  const lint = (path: string, text: string): EslintMessage[] | string => {
    const run = spawnSync(eslint, ['--stdin', '--stdin-filename', path, '--format', 'json', '--no-ignore'], { cwd: root, input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // Exit 1 is "problems found"; 2 is ESLint failing (a config it cannot load).
    if (run.error || (run.status !== 0 && run.status !== 1)) return (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0] || `eslint exited with ${run.status}`;
    try {
      return (JSON.parse(run.stdout) as Array<{ messages: EslintMessage[] }>).flatMap((file) => file.messages);
    } catch {
      return 'eslint printed no JSON report';
    }
  };
  const out: FileChange[] = [];
  for (const change of changes) {
    if (!LINTED.test(change.path) || /\.d\.[mc]?ts$/.test(change.path) || result.failed) {
      out.push(change);
      continue;
    }
    const before = change.before === undefined ? [] : lint(change.path, change.before);
    let after = lint(change.path, change.after);
    if (typeof before === 'string' || typeof after === 'string') {
      result.failed = `${change.path}: ${typeof before === 'string' ? before : after}`;
      out.push(change);
      continue;
    }
    result.linted.push(change.path);
    let text = change.after;
    const allow = added(before, after).filter((m) => m.ruleId && REQUIRE_RULES.has(m.ruleId) && m.line !== undefined && isGeneratedRequireLine(text, m.line));
    if (allow.length > 0) {
      text = withDisableComments(text, allow);
      const again = lint(change.path, text);
      if (typeof again === 'string') {
        result.failed = `${change.path}: ${again}`;
        out.push(change);
        continue;
      }
      after = again;
      result.allowed.push(...allow.map((m) => `${change.path}:${m.line} ${m.ruleId}`));
    }
    for (const m of added(before, after)) result.added.push({ file: change.path, line: m.line ?? 0, rule: m.fatal ? 'parse' : (m.ruleId ?? 'eslint'), message: m.message });
    out.push(text === change.after ? change : { ...change, after: text });
  }
  return { changes: out, result };
}

/** Messages of `after` beyond those `before` had, compared by rule and message (lines move when code is inserted above). */
function added(before: EslintMessage[], after: EslintMessage[]): EslintMessage[] {
  const key = (m: EslintMessage) => `${m.ruleId}\0${m.message}`;
  const remaining = new Map<string, number>();
  for (const m of before) remaining.set(key(m), (remaining.get(key(m)) ?? 0) + 1);
  return after.filter((m) => {
    const left = remaining.get(key(m)) ?? 0;
    if (left === 0) return true;
    remaining.set(key(m), left - 1);
    return false;
  });
}

/** A `require(` on a loader line lazify writes (its memoised `loadX` or `once(() => require(...))`, or the line inside one). */
function isGeneratedRequireLine(text: string, line: number): boolean {
  const lines = text.split('\n');
  const at = lines[line - 1] ?? '';
  if (!/\brequire\(/.test(at)) return false;
  if (/\bload\w* = (?:\(\)|function)|\bonce\(/.test(at)) return true;
  // The default-export loader spells its require on a line of its own, under `let loadedX, loadX = ...`.
  for (let i = line - 2; i >= 0 && i >= line - 3; i--) if (/^\s*(?:let|var) loaded\w*[,:]/.test(lines[i]!)) return true;
  return false;
}

const LOADER_COMMENT = /^(\s*)\/\/ (lazify: loaded on first use instead of at import\.)$/;

/**
 * Puts `// eslint-disable-next-line <rules> -- ...` above each line of `messages`. The loader's
 * own comment line, when it is right above, becomes the directive (its text the reason), so a
 * loader keeps one comment line; otherwise the directive is a line of its own.
 */
function withDisableComments(text: string, messages: EslintMessage[]): string {
  const rules = new Map<number, Set<string>>();
  for (const m of messages) rules.set(m.line!, (rules.get(m.line!) ?? new Set()).add(m.ruleId!));
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, index) => {
    const here = rules.get(index + 1);
    if (here) {
      const directive = `eslint-disable-next-line ${[...here].join(', ')}`;
      const comment = LOADER_COMMENT.exec(out.at(-1) ?? '');
      if (comment) out[out.length - 1] = `${comment[1]}// ${directive} -- ${comment[2]}`;
      else out.push(`${/^\s*/.exec(line)![0]}// ${directive} -- loaded on first use`);
    }
    out.push(line);
  });
  return out.join('\n');
}
