// Generated code holds the user's strings (registry keys, module specifiers, export names)
// verbatim, whatever they contain: quotes, backslashes, line breaks, U+2028, `__proto__`.
// These helpers write them so the generated file parses and means exactly that string.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A single-quoted JavaScript string literal whose value is `value`: quotes, backslashes, line
 * terminators (also U+2028/U+2029) and other control characters are escaped.
 */
export function stringLiteral(value: string): string {
  const escaped = value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${escaped}'`;
}

/**
 * The key of a property in an object literal for `key`: bare when it is an identifier, quoted
 * otherwise, and computed for `__proto__`, which as a plain (even quoted) key sets the object's
 * prototype instead of making an own property.
 */
export function propertyKeyText(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** `object.key`, or `object['k-e-y']` when the key is not an identifier (`__proto__` always bracketed). */
export function memberText(object: string, key: string): string {
  return IDENTIFIER.test(key) && key !== '__proto__' ? `${object}.${key}` : `${object}[${stringLiteral(key)}]`;
}
