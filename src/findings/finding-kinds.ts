import type { FindingKind } from './finding.js';

/** What a kind of finding means, for reporters that describe their rules (SARIF, help texts). */
export interface FindingKindDoc {
  kind: FindingKind;
  /** A short name for the rule, in words (`Eager registry`). */
  title: string;
  /** One sentence: what the finding says is wrong. */
  description: string;
  /** What to do about it, and which lazify command does it when one does. */
  help: string;
}

/** Every kind of finding lazify reports, in the order `FindingKind` lists them. */
export const FINDING_KIND_DOCS: Record<FindingKind, FindingKindDoc> = {
  registry: {
    kind: 'registry',
    title: 'Eager registry',
    description: 'A registry (an object map, register() calls or a factory map) loads every module it registers when the package is imported.',
    help:
      'Replace the registry with a static manifest of keys and lazy getters that load each module on first lookup (`lazify apply` does it for convertible registries). ' +
      'When several registries register the same modules, convert all of them: the modules stay loaded while one eager registry is left.',
  },
  'eager-init': {
    kind: 'eager-init',
    title: 'Work at import',
    description: 'A top-level statement does work when the module is imported (calls a function, builds a value), and keeps what it needs loaded.',
    help: 'Wrap the value in a memoised getter so the work, and the packages it needs, happen on first use (`lazify apply` does it).',
  },
  'global-side-effect': {
    kind: 'global-side-effect',
    title: 'Global side effect at import',
    description: 'A top-level statement changes global state (a global, a prototype, process handlers) when the module is imported.',
    help: 'Move the side effect into an explicit setup function the caller runs, or keep it and accept that the module cannot be loaded lazily.',
  },
  'god-module': {
    kind: 'god-module',
    title: 'God module',
    description: 'A module with many exports and many importers: importing any one helper loads all of it and everything it imports.',
    help: 'Split it into focused modules along the proposed clusters, with the old module re-exporting them (`lazify apply` does the split).',
  },
  cycle: {
    kind: 'cycle',
    title: 'Import cycle',
    description: 'Modules import each other in a cycle, so none of them can be loaded without the others.',
    help: 'Break the cycle: move what both sides need into a module of its own, or make one of the imports lazy.',
  },
  'heavy-import': {
    kind: 'heavy-import',
    title: 'Heavy import used only in functions',
    description: 'A package is imported at the top level but used only inside functions, so importing the module loads it although nothing needs it yet.',
    help: 'Load the package on first call (a lazy `require` or `import()` inside the function that uses it; `lazify apply` does it).',
  },
};
