import { readFileSync } from 'node:fs';
import type { ModuleGraph } from '../graph/module-graph.js';
import { parseSource, type ParsedSources } from '../graph/parse-source.js';
import { constantMemberValues } from './constant-keys.js';
import type { ModuleFacts } from './module-facts.js';

/**
 * Map keys written as a member of an imported enum or `as const` object (`import { Providers }
 * from './enums'; { [Providers.OPENAI]: ChatOpenAI }`) are static when the imported module
 * declares and exports that member with a literal value: read it there, once every module has
 * its facts. A key that resolves loses its blocker; one that does not gets the true reason. The
 * transform reads the same (transforms/shared-lazy-loading/constant-keys.ts, importedConstantValues).
 */
export function resolveImportedKeys(facts: Record<string, ModuleFacts>, graph: ModuleGraph, sources?: ParsedSources): void {
  const constantsOf = new Map<string, Map<string, string> | undefined>();
  const constants = (module: string) => {
    if (!constantsOf.has(module)) constantsOf.set(module, readConstants(module, graph, sources));
    return constantsOf.get(module);
  };
  for (const moduleFacts of Object.values(facts)) {
    for (const registry of moduleFacts.registries) {
      for (const pending of registry.pendingKeys ?? []) {
        const exported = facts[pending.module]?.exports.find((e) => e.name === pending.export && !e.typeOnly);
        const value = exported && !exported.from ? constants(pending.module)?.get(`${exported.local ?? exported.name}.${pending.member}`) : undefined;
        const index = registry.blockers.indexOf(pending.blocker);
        if (value !== undefined) {
          if (index >= 0) registry.blockers.splice(index, 1);
          const entry = registry.entries[pending.entry];
          if (entry) entry.key = value;
        } else if (index >= 0) {
          const why = !facts[pending.module]
            ? `${pending.module} is not a module of the project`
            : !exported
              ? `${pending.module} exports no value named ${pending.export}`
              : exported.from
                ? `${pending.module} re-exports ${pending.export} from ${exported.from}, and lazify reads enum values only where they are declared`
                : `\`${pending.export}.${pending.member}\` is not a member with a literal value of a string enum or \`as const\` object in ${pending.module}`;
          registry.blockers[index] = `${pending.at}: ${why}`;
        }
      }
      delete registry.pendingKeys;
    }
  }
}

function readConstants(module: string, graph: ModuleGraph, sources?: ParsedSources): Map<string, string> | undefined {
  const file = graph.modules[module]?.file;
  if (!file) return undefined;
  try {
    const text = sources?.get(file)?.text ?? readFileSync(file, 'utf8');
    return constantMemberValues(parseSource(file, text, sources));
  } catch {
    return undefined;
  }
}
