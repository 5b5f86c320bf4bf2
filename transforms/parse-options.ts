// Options are checked against the transform's zod schema (its optionsSchema), and the first
// problem becomes one line naming the option by its path: `option "clusters[2].module" must be
// a string, not 3`. lazify's plan check and each transform run under the jscodeshift CLI read
// options this way, so both refuse the same options with the same words.
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

/** The options as the schema's output, or one line naming the first problem. */
export type ParsedOptions<T> = { options: T; problem?: undefined } | { options?: undefined; problem: string };

/**
 * Checks `value` against `schema`; see {@link ParsedOptions}. `noun` names what the keys are in
 * the line (`option "file" ...`; a plan's own keys are `key "root" ...`).
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, noun = 'option'): ParsedOptions<T> {
  const parsed = schema.safeParse(value, { error: issueMessage, reportInput: true });
  if (parsed.success) return { options: parsed.data };
  const [first] = parsed.error.issues;
  return { problem: describeIssue(first!, noun) };
}

/** `clusters[2].module`: a path in the options as the plan's JSON would name it. */
export function optionPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
}

/** One issue as a line: the option's path, then what the schema (or {@link issueMessage}) says of it. */
function describeIssue(issue: Issue, noun: string): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${optionPath([...issue.path, key])}"`).join(', ');
    return `unknown ${noun}${issue.keys.length > 1 ? 's' : ''} ${names}${issue.message ? ` ${issue.message}` : ''}`;
  }
  return issue.path.length === 0 ? `the ${noun}s ${issue.message}` : `${noun} "${optionPath(issue.path)}" ${issue.message}`;
}

/**
 * zod's error map for options: a predicate that follows the option's name (`must be a string,
 * not 3`). A schema's own message (an identifier, an ECMAScript edition) wins over it, so schemas
 * word theirs the same way. For unknown keys it gives the keys the object knows.
 */
function issueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${expectedType(issue.expected)})`;
      if (issue.expected === 'never') return 'is not an option of this transform';
      return `must be ${expectedType(issue.expected)}, not ${shown(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${shown(issue.values[0])}, not ${shown(issue.input)}` : `must be one of ${issue.values.map(shown).join(', ')}, not ${shown(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'must be a non-empty array' : `must list at least ${String(issue.minimum)}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, not ${shown(issue.input)}`;
    case 'invalid_union': {
      // A discriminated union whose key names no branch: say which values it takes.
      const union = issue as RawIssue & { discriminator?: string; options?: unknown[] };
      if (union.discriminator === undefined) return undefined;
      const given = typeof issue.input === 'object' && issue.input !== null ? (issue.input as Record<string, unknown>)[union.discriminator] : undefined;
      const values = (union.options ?? []).map(shown).join(', ');
      return given === undefined ? `is required (one of ${values})` : `must be one of ${values}, not ${shown(given)}`;
    }
    case 'unrecognized_keys': {
      const shape = (issue.inst as Schema | undefined)?._zod.def.shape;
      return shape ? `(known: ${Object.keys(shape).filter((key) => !forbidden(shape[key]!)).join(', ')})` : '';
    }
    default:
      return undefined;
  }
}

type Schema = { _zod: { def: { type: string; innerType?: Schema; shape?: Record<string, Schema> } } };

/** A key a schema names only to refuse it with its own message (`z.never()`): not one to suggest. */
function forbidden(schema: Schema): boolean {
  const def = schema._zod.def;
  return def.type === 'never' || (def.innerType !== undefined && forbidden(def.innerType));
}

/**
 * What a schema expected, as words: `a whole number`, `an object`, `a string`. An array is
 * `array` (a plan's JSON says `an array`; the config's words say `a list`).
 */
export function expectedType(type: string, array = 'an array'): string {
  switch (type) {
    case 'int':
      return 'a whole number';
    case 'array':
      return array;
    case 'object':
      return 'an object';
    default:
      return `a ${type}`;
  }
}

/** A value as a plan's JSON would show it, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * The keys of `raw` that are options of the transform (`keys`): a run also carries
 * jscodeshift's own options (`dry`, `parser`...) and lazify's (`root`, `driver`, `project`).
 */
export function pickOptions(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(raw, key) && raw[key] !== undefined).map((key) => [key, raw[key]]));
}
