// Lints the files a rewrite changed with the project's own ESLint, before and after, in memory
// (the texts go on stdin; nothing is written): a maintainer whose pre-commit hook runs ESLint
// learns, in apply's output, of every problem the rewrite adds (file:line rule). Problems the
// file already had are not lazify's and are never counted.
//
// Loaders are CommonJS `require` calls, which `@typescript-eslint/no-require-imports` (in
// typescript-eslint's recommended set), `no-var-requires` and `global-require` forbid: where
// the project's config reports one of those on a line lazify generated, the line gets the
// disable comment a maintainer would write (`// eslint-disable-next-line <rule> -- loaded on
// first use`), and the file is linted again: what is left is reported, not hidden. A loader's
// `let loadedX, loadX = ...` that `prefer-const` (typescript-eslint's recommended set turns it
// on) reports becomes `let loadedX; const loadX = ...`. After either, a file the project's
// formatter formatted is formatted again, so the directive and the split follow its layout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileChange } from '../edits/file-set.js';
import { formatChangedFiles } from '../edits/format-changed-files.js';
import { detectSourceStyle } from '../../transforms/shared-lazy-loading/source-style.js';
import { REQUIRE_ALLOWED, WHOLE_FILE_ALLOWED } from '../messages/allowed-require.js';
import { lintTexts, type EslintMessage } from './eslint-batch.js';
import { LOADER_COMMENT as TRANSFORM_LOADER_COMMENT } from '../../transforms/shared-lazy-loading/emitted-loaders.js';

/**
 * What linting the changed files found, as diagnostics whose `code` is the ESLint rule's id
 * (`@typescript-eslint/no-require-imports`; `parse` for a fatal parse error), as a type error's
 * is TypeScript's (`TS2322`).
 */
export interface LintResult {
  linter: 'eslint';
  /** Files linted before and after (relative paths). */
  linted: string[];
  /** Problems the rewrite adds (warnings), by file and line. */
  added: Diagnostic[];
  /**
   * Rules that forbid `require`, switched off by a directive lazify added (info): `line` is the
   * generated line it covers, or the directive's own line for one that covers a whole file lazify
   * writes (a manifest; its message is {@link WHOLE_FILE_ALLOWED}).
   */
  allowed: Diagnostic[];
  /** Set when ESLint could not run on the changes (a broken config): the first line of its error, code `lint-failed`. */
  failed?: Diagnostic;
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

/**
 * Lints each changed file's text as it was and as it will be; returns the changes (with disable
 * comments on generated `require` lines where the project's rules forbid them) and what is new.
 * Every round lints all the files it needs in one ESLint process.
 */
export function lintChangedFiles(
  root: string,
  changes: FileChange[],
  eslint = findProjectEslint(root),
  options: { reformat?: boolean } = {},
): { changes: FileChange[]; result?: LintResult } {
  if (!eslint) return { changes };
  // What lint fixes change goes through the project's formatter again (when it has one and the
  // file was clean before), as the rest of the rewrite did.
  const reformat = (change: FileChange, text: string): string =>
    options.reformat === false ? text : formatChangedFiles(root, [{ ...change, after: text }]).changes[0]?.after ?? text;
  const result: LintResult = { linter: 'eslint', linted: [], added: [], allowed: [] };
  const files: LintedFile[] = changes
    .filter((change) => LINTED.test(change.path) && !/\.d\.[mc]?ts$/.test(change.path))
    .map((change) => ({ change, before: [], after: [], text: change.after }));
  // ESLint failing on one file (a config it cannot load) stops linting: the first failure is reported.
  const fail = (file: LintedFile, why: string) => {
    result.failed ??= { code: 'lint-failed', severity: 'warning', message: why, file: file.change.path };
  };
  const relint = (todo: LintedFile[]) => {
    lintTexts(root, eslint, todo.map((file) => ({ path: file.change.path, text: file.text }))).forEach((messages, i) => {
      if (typeof messages === 'string') fail(todo[i]!, messages);
      else todo[i]!.after = messages;
    });
  };
  const withBefore = files.filter((file) => file.change.before !== undefined);
  const first = lintTexts(root, eslint, [...withBefore.map((file) => ({ path: file.change.path, text: file.change.before! })), ...files.map((file) => ({ path: file.change.path, text: file.text }))]);
  withBefore.forEach((file, i) => {
    const messages = first[i]!;
    if (typeof messages === 'string') fail(file, messages);
    else file.before = messages;
  });
  files.forEach((file, i) => {
    const messages = first[withBefore.length + i]!;
    if (typeof messages === 'string') fail(file, messages);
    else file.after = messages;
  });
  if (!result.failed) {
    const split = files.filter((file) => {
      const single = added(file.before, file.after).filter((m) => m.ruleId === 'prefer-const' && m.line !== undefined && isGeneratedLine(file.text, m.line));
      if (single.length === 0) return false;
      const text = splitLoaderDeclarations(file.text, single.map((m) => m.line!), detectSourceStyle(file.change.before ?? file.text).semicolons);
      if (text === file.text) return false;
      file.text = reformat(file.change, text);
      return true;
    });
    relint(split);
  }
  // A formatter may move a generated `require` off the line under its directive: up to three
  // rounds put the directive where the require is now, and drop one left above no require.
  for (let round = 0; round < 3 && !result.failed; round++) {
    const todo = files.filter((file) => {
      const allow = added(file.before, file.after).filter((m) => m.ruleId && REQUIRE_RULES.has(m.ruleId) && m.line !== undefined && isGeneratedRequireLine(file.text, m.line));
      if (allow.length === 0) return false;
      // A file lazify writes whole (a manifest) says it once, under its header.
      const whole = file.change.before === undefined && /^\/\/ Generated by lazify \(/.test(file.text);
      file.text = reformat(file.change, whole ? withFileDirective(file.text, allow) : withoutStrayDirectives(withDisableComments(file.text, allow), file.change.before));
      return true;
    });
    if (todo.length === 0) break;
    relint(todo);
  }
  // Nothing of a failed run is applied: the changes stay as the rewrite made them.
  if (result.failed) return { changes, result };
  const linted = new Map(files.map((file) => [file.change, file]));
  const out = changes.map((change) => {
    const file = linted.get(change);
    if (!file) return change;
    result.linted.push(change.path);
    result.allowed.push(...allowedLines(file.text, change.before).map((entry) => ({ ...entry, file: change.path })));
    for (const m of added(file.before, file.after)) result.added.push({ code: m.fatal ? 'parse' : (m.ruleId ?? 'eslint'), severity: 'warning', message: m.message, file: change.path, line: m.line ?? 0 });
    return file.text === change.after ? change : { ...change, after: file.text };
  });
  return { changes: out, result };
}

/** A changed file being linted: the messages of its text before, and of its text as it now stands. */
interface LintedFile {
  change: FileChange;
  before: EslintMessage[];
  after: EslintMessage[];
  text: string;
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
  return /\brequire\(/.test(text.split('\n')[line - 1] ?? '') && isGeneratedLine(text, line);
}

/**
 * A line of a construct lazify writes: its memoised `loadX` or `once(() => require(...))`, the
 * default-export loader's lines under `let loadedX, loadX = ...`, however a formatter laid them
 * out: the statement (the lines up to a blank one above) carries lazify's loader comment or a
 * `once(` of a manifest.
 */
function isGeneratedLine(text: string, line: number): boolean {
  const lines = text.split('\n');
  const at = lines[line - 1] ?? '';
  if (/\bload\w* = (?:\(\)|function)|\bonce\(/.test(at) && /\brequire\(/.test(at)) return true;
  for (let i = line - 1; i >= 0 && i >= line - 16; i--) {
    const above = lines[i]!;
    if (above.trim() === '' && i < line - 1) return false;
    if (LOADER_COMMENT.test(above) || LOADER_REASON_AT_END.test(above) || /\bonce\(/.test(above)) return true;
  }
  return false;
}

const DIRECTIVE = /^\s*\/\/ eslint-disable-next-line (.+?) -- (?:lazify: )?loaded on first use(?: instead of at import\.)?$/;

const FILE_DIRECTIVE = /^\/\* eslint-disable (.+?) -- lazify: each loader requires its module on first use \*\/$/;

/** `/* eslint-disable <rules> -- ... *\/` under the header comment of a file lazify wrote, with the rules it already names. */
function withFileDirective(text: string, messages: EslintMessage[]): string {
  const lines = text.split('\n');
  const existing = lines.findIndex((line) => FILE_DIRECTIVE.test(line));
  const rules = new Set([...(existing >= 0 ? FILE_DIRECTIVE.exec(lines[existing]!)![1]!.split(/,\s*/) : []), ...messages.map((m) => m.ruleId!)]);
  const directive = `/* eslint-disable ${[...rules].join(', ')} -- lazify: each loader requires its module on first use */`;
  if (existing >= 0) lines[existing] = directive;
  else lines.splice(Math.max(0, lines.findIndex((line) => !line.startsWith('//'))), 0, directive);
  return lines.join('\n');
}

/** Each rule of each directive lazify added (a line `before` does not have), at the line it covers. */
function allowedLines(text: string, before: string | undefined): Array<Omit<Diagnostic, 'file'>> {
  const original = new Set((before ?? '').split(/\r?\n/));
  return text.split('\n').flatMap((line, index) => {
    const file = FILE_DIRECTIVE.exec(line);
    if (file) return file[1]!.split(/,\s*/).map((rule) => ({ code: rule, severity: 'info' as const, message: WHOLE_FILE_ALLOWED, line: index + 1 }));
    const m = DIRECTIVE.exec(line);
    return m && !original.has(line) ? m[1]!.split(/,\s*/).map((rule) => ({ code: rule, severity: 'info' as const, message: REQUIRE_ALLOWED, line: index + 2 })) : [];
  });
}

/** Drops a directive lazify added whose next line no longer holds a `require(` (the formatter moved it); a loader comment it replaced comes back. */
function withoutStrayDirectives(text: string, before: string | undefined): string {
  const original = new Set((before ?? '').split(/\r?\n/));
  const lines = text.split('\n');
  return lines
    .flatMap((line, index) => {
      if (original.has(line) || !DIRECTIVE.test(line) || /\brequire\(/.test(lines[index + 1] ?? '')) return [line];
      const comment = LOADER_DIRECTIVE.exec(line);
      return comment ? [`${comment[1]}// ${comment[2]}`] : [];
    })
    .join('\n');
}

/**
 * `let loadedX: T | undefined, loadX = ...` (on one line, or the loader on the next) becomes
 * `let loadedX: T | undefined;` and `const loadX = ...`, for each loader named on `lines`.
 */
function splitLoaderDeclarations(text: string, lines: number[], semicolons: boolean): string {
  const out = text.split('\n');
  const semicolon = semicolons ? ';' : '';
  for (const line of [...new Set(lines)].sort((a, b) => b - a)) {
    const index = line - 1;
    const one = /^(\s*)let (loaded\w*)((?::[^=]*?)?), (load\w*) = (.*)$/.exec(out[index] ?? '');
    if (one) {
      out.splice(index, 1, `${one[1]}let ${one[2]}${one[3]}${semicolon}`, `${one[1]}const ${one[4]} = ${one[5]}`);
      continue;
    }
    // Laid out by a formatter: `let loadedX:` and its type over lines up to a `,`, then `loadX = ...`.
    const tail = /^\s*(load\w*) =(.*)$/.exec(out[index] ?? '');
    if (!tail || !/,\s*$/.test(out[index - 1] ?? '')) continue;
    let start = index - 1;
    while (start > 0 && start > index - 6 && !/^\s*let loaded\w*\b/.test(out[start]!)) start--;
    const head = /^(\s*)let loaded\w*\b/.exec(out[start] ?? '');
    if (!head || out.slice(start, index).some((l) => l.includes('='))) continue;
    out[index - 1] = out[index - 1]!.replace(/,\s*$/, semicolon);
    out[index] = `${head[1]}const ${tail[1]} =${tail[2]}`;
  }
  return out.join('\n');
}

/** The text of the comment the transforms write above a loader (`lazify: loaded on first use ...`), as a pattern. */
const LOADER_REASON = TRANSFORM_LOADER_COMMENT.replace(/^\/\/ /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LOADER_COMMENT = new RegExp(`^(\\s*)\\/\\/ (${LOADER_REASON})$`);
const LOADER_REASON_AT_END = new RegExp(`${LOADER_REASON}$`);
/** A directive that took the loader comment's place, the comment kept as its reason. */
const LOADER_DIRECTIVE = new RegExp(`^(\\s*)\\/\\/ eslint-disable-next-line .* -- (${LOADER_REASON})$`);

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
