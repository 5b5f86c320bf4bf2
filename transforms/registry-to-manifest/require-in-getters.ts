// export-getters: Babel's (and tsc's) CommonJS re-exports already read each export through a
// getter, `Object.defineProperty(exports, 'Button', { get: function () { return _Button.default; } })`;
// only `var _Button = _interopRequireDefault(require('./Button'))` runs at import. The getters
// stay as they are: Node reads an ES module importer's names from them, and only accepts a getter
// that returns `local.property` (any other body hides the name). The require moves into a
// placeholder object with a getter per property the export getters read, which puts the module
// in the variable on first read: `var _Button = { get default() { return (_Button =
// _interopRequireDefault(require('./Button'))).default; } }`. After that first read the export
// getters read the module itself, as before. A getter that returns the local whole has its body
// memoised instead: `(_x || (_x = require('./x')))`. Written in ES5 (the syntax Babel emits), so
// it fits any target.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isRequireCall } from '../shared-lazy-loading/binding-uses.js';
import { memberText, propertyKeyText } from '../shared-lazy-loading/js-literal.js';
import { parseExpression } from '../shared-lazy-loading/lazy-reference.js';

/** An export getter: the export's key, the local it reads, the property it returns (none for the local whole), its function. */
interface ExportGetter {
  key: string;
  local: string;
  property?: string;
  fn: any;
}

/** The `get` function of a top-level `Object.defineProperty(exports, 'K', { get })` statement, with the local it returns. */
function exportGetters(j: JSCodeshift, root: Collection): ExportGetter[] {
  const found: ExportGetter[] = [];
  root.find(j.ExpressionStatement).forEach((path) => {
    if (path.parent.node.type !== 'Program') return;
    const call = path.node.expression as any;
    if (call.type !== 'CallExpression' || call.arguments.length !== 3) return;
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.object.name !== 'Object' || callee.property.name !== 'defineProperty') return;
    const [target, key, descriptor] = call.arguments;
    if (target.type !== 'Identifier' || target.name !== 'exports' || typeof key.value !== 'string' || descriptor.type !== 'ObjectExpression') return;
    for (const prop of descriptor.properties) {
      const name = prop.key?.name ?? prop.key?.value;
      if (name !== 'get') continue;
      const fn = prop.type === 'ObjectMethod' ? prop : prop.value;
      if (!fn || !/Function/.test(fn.type)) continue;
      const body = fn.body.type === 'BlockStatement' ? fn.body.body : undefined;
      const returned = body ? (body.length === 1 && body[0].type === 'ReturnStatement' ? body[0].argument : undefined) : fn.body;
      const member = returned?.type === 'MemberExpression' && !returned.computed && returned.property.type === 'Identifier';
      const base = member ? returned.object : returned;
      if (base?.type === 'Identifier') found.push({ key: key.value, local: base.name, ...(member ? { property: returned.property.name } : {}), fn });
    }
  });
  return found;
}

/** True when `node` requires a relative module, directly or through an interop helper call. */
function requiresLocalModule(j: JSCodeshift, node: any): boolean {
  if (isRequireCall(node)) return node.arguments[0].value.startsWith('.');
  return node?.type === 'CallExpression' && node.arguments.length >= 1 && node.arguments.length <= 2 && isRequireCall(node.arguments[0]) && node.arguments[0].arguments[0].value.startsWith('.');
}

function isInside(path: ASTPath<any> | null, nodes: Set<any>): boolean {
  for (let p = path; p; p = p.parent) if (nodes.has(p.node)) return true;
  return false;
}

/** The program's top-level `var`/`let`/`const` declarators, by the name they bind. */
export function topLevelDeclarators(j: JSCodeshift, root: Collection): Map<string, ASTPath<any>[]> {
  const found = new Map<string, ASTPath<any>[]>();
  root.find(j.VariableDeclarator).forEach((path) => {
    const id = path.node.id as any;
    if (id.type === 'Identifier' && path.parent.parent.node.type === 'Program') found.set(id.name, [...(found.get(id.name) ?? []), path]);
  });
  return found;
}

/**
 * Moves each getter's require into the getter. Returns the exports converted and, for the
 * others, why they stay (a binding read elsewhere keeps its require at import).
 */
export function requireInGetters(j: JSCodeshift, root: Collection): { converted: string[]; skipped: string[] } {
  const getters = exportGetters(j, root);
  const converted: string[] = [];
  const skipped: string[] = [];
  const byLocal = new Map<string, typeof getters>();
  for (const getter of getters) byLocal.set(getter.local, [...(byLocal.get(getter.local) ?? []), getter]);
  // Looked up once: a barrel of 250 exports would walk the whole file 250 times over otherwise.
  const declaratorsOf = topLevelDeclarators(j, root);
  const identifiersOf = new Map<string, ASTPath<any>[]>();
  root.find(j.Identifier).forEach((path) => {
    const name = path.node.name;
    if (byLocal.has(name)) identifiersOf.set(name, [...(identifiersOf.get(name) ?? []), path]);
  });
  for (const [local, list] of byLocal) {
    const declarators = declaratorsOf.get(local) ?? [];
    if (declarators.length !== 1) continue;
    const declarator = declarators[0]!;
    const init = declarator.node.init as any;
    if (!requiresLocalModule(j, init)) continue;
    const fns = new Set(list.map((g) => g.fn));
    const outside = (identifiersOf.get(local) ?? [])
      .filter((p) => p.node !== declarator.node.id && !(p.parent.node.type === 'MemberExpression' && p.parent.node.property === p.node && !p.parent.node.computed))
      .filter((p) => !isInside(p, fns));
    if (outside.length > 0) {
      skipped.push(`${list.map((g) => g.key).join(', ')}: ${local} is also read at line ${outside[0]!.node.loc?.start.line ?? '?'}, outside the export getters, and stays loaded at import`);
      continue;
    }
    const initText = j(init).toSource();
    // A `const` local is assigned on first read.
    if (declarator.parent.node.kind === 'const') declarator.parent.node.kind = 'let';
    if (list.every((g) => g.property !== undefined)) {
      const properties = [...new Set(list.map((g) => g.property!))];
      const getters = properties.map((p) => `get ${propertyKeyText(p)}() { return ${memberText(`(${local} = ${initText})`, p)}; }`);
      declarator.node.init = parseExpression(j, `{ ${getters.join(', ')} }`);
      converted.push(...list.map((g) => g.key));
      continue;
    }
    for (const { fn } of list) {
      j(fn.body)
        .find(j.Identifier, { name: local })
        .filter((p) => !(p.parent.node.type === 'MemberExpression' && p.parent.node.property === p.node && !p.parent.node.computed))
        .forEach((p) => {
          p.replace(parseExpression(j, `${local} || (${local} = ${initText})`));
        });
    }
    declarator.node.init = null;
    converted.push(...list.map((g) => g.key));
  }
  return { converted, skipped };
}
