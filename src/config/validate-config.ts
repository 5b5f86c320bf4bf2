// Validates a config file's content against the zod schema in config-schema.ts and normalises it:
// sizes in bytes, every list present. A problem is one line naming the file and the key, with the
// closest known key for a typo.
import type { z } from 'zod';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { closestName } from '../messages/closest-name.js';
import { expectedType, optionPath } from '../../transforms/parse-options.js';
import { configSchema } from './config-schema.js';
import type { LazifyConfig } from './lazify-config.js';
import { parseSize } from './parse-size.js';

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
