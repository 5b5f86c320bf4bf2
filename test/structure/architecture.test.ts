// lazify checks its own structure, the way dependency-cruiser does: each rule says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative, resolve, dirname, basename } from 'node:path';
import { globSync } from 'tinyglobby';
import { ts } from 'ts-morph';
import { repoRoot } from '../helpers/copy-fixture.js';

const sourceFiles = globSync(['src/**/*.ts'], { cwd: repoRoot, absolute: true });

interface SourceInfo {
  file: string;
  /** Specifiers of static imports and re-exports that load code (type-only ones left out). */
  imports: string[];
  /** Specifiers of `import('...')` calls with a literal argument. */
  dynamicImports: string[];
  /** Specifiers of type-only imports and re-exports (erased, but still a dependency on the module's shapes). */
  typeImports: string[];
  text: string;
}

function read(file: string): SourceInfo {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports: string[] = [];
  const typeImports: string[] = [];
  for (const statement of sf.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
      (typeOnly ? typeImports : imports).push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  const dynamicImports: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      dynamicImports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file: relative(repoRoot, file).split('\\').join('/'), imports, typeImports, dynamicImports, text };
}

const sources = sourceFiles.map(read);
const stageOf = (rel: string) => rel.split('/')[1];
const localTarget = (from: string, spec: string) =>
  relative(repoRoot, resolve(dirname(resolve(repoRoot, from)), spec)).split('\\').join('/').replace(/\.js$/, '.ts');

test('the CLI only talks to the public API (src/index.ts and its slices in src/api/), so everything it can do a library user can do too', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'cli')
    .flatMap((s) =>
      // Types too: a type the CLI names must be one a library user can name.
      [...s.imports, ...s.typeImports, ...s.dynamicImports]
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ from: s.file, to: localTarget(s.file, spec) }))
        .filter(({ to }) => !/^src\/api\/[^/]+\.ts$/.test(to) && !to.startsWith('src/cli/')),
    );
  assert.deepEqual(offenders, []);
});

test('the CLI loads the pipeline only inside a command handler (import()), so --help and --version start fast', () => {
  // Statically, the CLI may load only yargs, node: built-ins, its own files and the light
  // error slice its error handler needs; every other slice comes through import() in a handler.
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'cli')
    .flatMap((s) => s.imports.map((spec) => ({ from: s.file, spec })))
    .filter(({ from, spec }) => {
      if (spec.startsWith('node:') || spec === 'yargs' || spec.startsWith('yargs/')) return false;
      if (!spec.startsWith('.')) return true;
      const to = localTarget(from, spec);
      return !(to.startsWith('src/cli/') || to === 'src/api/errors.ts');
    });
  assert.deepEqual(offenders, []);
});

test('the planners parse no source: plan reads the analysis (graph, facts), so it cannot disagree with it about what the code is', () => {
  // A planner that parses again keeps a second copy of what facts/ knows, and the two drift
  // (a second module-format decision once disagreed about tsconfig "module": "preserve").
  const parser = /^(typescript|ts-morph|jscodeshift|recast|@babel\/.*|acorn|esprima|espree)$/;
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'plan')
    .flatMap((s) => [...s.imports, ...s.dynamicImports].filter((spec) => parser.test(spec)).map((spec) => `${s.file} -> ${spec}`));
  assert.deepEqual(offenders, []);
});

test('the planners read no source text: a file read in src/plan names a JSON file, so what plan knows of the code comes from the facts', () => {
  // A regex over a module's text once picked the register callee and disagreed with the facts on
  // tsc's CommonJS (`(0, registry_1.registerProvider)(...)`). Reads of package.json, tsconfig.json
  // and the like are configuration. Two files read paths they are handed, and compare or pass on
  // text, never interpret it as code: find-conflicts (is a planned output overwriting a user's
  // file?) and validate-plan (an overlay reader with the planned files for the transforms' checks).
  const passThrough = new Set(['src/plan/find-conflicts.ts', 'src/plan/validate-plan.ts']);
  const offenders: string[] = [];
  for (const s of sources.filter((s) => stageOf(s.file) === 'plan' && !passThrough.has(s.file))) {
    const sf = ts.createSourceFile(s.file, s.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'read') {
        const [path] = node.arguments;
        if (!path || !ts.isStringLiteralLike(path) || !/\.json$/.test(path.text)) {
          offenders.push(`${s.file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${node.getText(sf)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(offenders, []);
});

test('plan reaches transforms/ only through the registry (transforms/index.ts) and the contract (transforms/transform-module.ts)', () => {
  // A planner that calls a transform's internals breaks when the transform is refactored, and
  // hides from the contract what every transform must answer (checks, descriptions, options).
  // A transform's options type may be imported as a type (erased at run time): the planner
  // writes exactly those options, and the compiler keeps the two in step.
  const allowed = new Set(['transforms/index.ts', 'transforms/transform-module.ts']);
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'plan')
    .flatMap((s) => [
      ...[...s.imports, ...s.dynamicImports].map((spec) => ({ spec, typeOnly: false })),
      ...s.typeImports.map((spec) => ({ spec, typeOnly: true })),
    ]
      .filter(({ spec }) => spec.startsWith('.'))
      .map(({ spec, typeOnly }) => ({ from: s.file, to: localTarget(s.file, spec), typeOnly }))
      .filter(({ to, typeOnly }) => to.startsWith('transforms/') && !allowed.has(to) && !(typeOnly && /^transforms\/[^/]+\/options\.ts$/.test(to)))
      .map(({ from, to }) => `${from} -> ${to}`));
  assert.deepEqual(offenders, []);
});

test('src/index.ts loads the pipeline only when a function of it is called: statically only the light errors slice, the rest through import() of a src/api/ slice', () => {
  // Importing lazify as a library should cost what `lazify --help` costs: lazify analyzes its
  // own source (test/structure/self-analysis.int.test.ts) and must find no heavy import there.
  const index = sources.find((s) => s.file === 'src/index.ts')!;
  assert.deepEqual(index.imports.map((spec) => localTarget(index.file, spec)), ['src/api/errors.ts']);
  const elsewhere = [...index.dynamicImports, ...index.typeImports].map((spec) => localTarget(index.file, spec)).filter((to) => !/^src\/api\/[^/]+\.ts$/.test(to));
  assert.deepEqual(elsewhere, []);
  assert.ok(index.dynamicImports.length > 0, 'the commands load their slices with import()');
});

/**
 * Follows static imports (those that load code) from `starts`: every file reached, and the import
 * chains that end in a file or package `offends` names.
 */
function followImports(starts: string[], offends: (target: string) => boolean): { reached: Set<string>; offenders: string[] } {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const reached = new Set<string>();
  const offenders: string[] = [];
  const walk = (file: string, via: string[]): void => {
    if (reached.has(file)) return;
    reached.add(file);
    if (offends(file)) {
      offenders.push([...via, file].join(' -> '));
      return;
    }
    for (const spec of byFile.get(file)?.imports ?? []) {
      if (spec.startsWith('.')) walk(localTarget(file, spec).replace(/\.cjs$/, '.cts'), [...via, file]);
      else if (offends(spec)) offenders.push([...via, file, spec].join(' -> '));
    }
  };
  for (const start of starts) walk(start, []);
  return { reached, offenders };
}

test('the read-only API slices (analyze, report, measure, errors) never reach jscodeshift or the transforms', () => {
  // analyze must not pay for the rewriting machinery it does not use.
  const codemods = (target: string) => target.startsWith('transforms/') || target === 'jscodeshift' || target === 'recast' || target.startsWith('@babel/');
  const { offenders } = followImports(['src/api/analyze.ts', 'src/api/report.ts', 'src/api/measure.ts', 'src/api/errors.ts'], codemods);
  assert.deepEqual(offenders, []);
});

test('what `lazify analyze` loads takes TypeScript from src/project/typescript.cts, never through an ES import of ts-morph', () => {
  // Importing the CommonJS ts-morph from an ES module makes Node scan its bundle for export
  // names at every start (about 200 ms CPU); src/project/typescript.cts requires it instead.
  const { reached, offenders } = followImports(['src/api/analyze.ts'], (target) => target === 'ts-morph' || target.startsWith('ts-morph/') || target === 'typescript');
  assert.ok(reached.has('src/graph/parse-source.ts'), 'the walk reaches the parser');
  assert.deepEqual(offenders, []);
});

test('the light analyze slice (src/api/report.ts: kept analyses and reporters) reaches no parser', () => {
  // `lazify analyze` on a project unchanged since its last run answers from the kept analysis
  // through this slice alone; reaching TypeScript would cost that answer ~300 ms of loading.
  const parser = (target: string) => target === 'src/project/typescript.cts' || /^(typescript|ts-morph|jscodeshift|recast|@babel\/.*)$/.test(target);
  const { reached, offenders } = followImports(['src/api/report.ts'], parser);
  assert.ok(reached.has('src/pipeline/kept-analyses.ts') && reached.has('src/findings/find-findings.ts'), 'the walk reaches the kept analyses and the findings');
  assert.deepEqual(offenders, []);
});

test('the core never prints: only src/cli writes to stdout or stderr (the CLI decides what a user sees)', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) !== 'cli')
    .filter((s) => /\bconsole\.(log|error|warn|info|debug)\s*\(|process\.(stdout|stderr)\.write/.test(stripStrings(s.text)))
    .map((s) => s.file);
  assert.deepEqual(offenders, []);
});

test('reporters only read results: no file system, no child processes', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'report')
    .filter((s) => s.imports.some((spec) => /^(node:)?(fs|fs\/promises|child_process)$/.test(spec)))
    .map((s) => s.file);
  assert.deepEqual(offenders, []);
});

test('no grab-bag modules: no file is called utils, helpers, common or misc', () => {
  const offenders = sourceFiles
    .map((f) => relative(repoRoot, f))
    .filter((f) => /^(utils?|helpers?|common|misc)\.ts$/.test(basename(f)));
  assert.deepEqual(offenders, []);
});

function stripStrings(text: string): string {
  // Comments and string contents can mention console.log without calling it.
  return text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}

const transformSources = globSync(['transforms/**/*.ts'], { cwd: repoRoot, absolute: true, ignore: ['**/__testfixtures__/**'] }).map(read);

test('no import cycle in src/ or transforms/, not even a type-only one: a runtime cycle makes load order decide what a module sees (undefined exports mid-cycle), a type-only one means neither module can be read or moved without the other, and lazify tells its users to remove theirs', async () => {
  const { stronglyConnectedIndexes } = await import('../../src/graph/strongly-connected-components.js');
  // import() is left out: a lazy load back up the pipeline is how a stage defers another, not a circle in what loads.
  const files = [...sources, ...transformSources];
  const index = new Map(files.map((f, i) => [f.file, i]));
  const successors = files.map((f) =>
    [...f.imports, ...f.typeImports].filter((spec) => spec.startsWith('.')).map((spec) => index.get(localTarget(f.file, spec))).filter((i): i is number => i !== undefined),
  );
  const component = stronglyConnectedIndexes(successors);
  const members = new Map<number, string[]>();
  component.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), files[i]!.file]));
  const cycles = [...members.values()].filter((m) => m.length > 1 || successors[index.get(m[0]!)!]!.includes(index.get(m[0]!)!));
  assert.deepEqual(cycles, []);
});

/**
 * The pipeline in the order its stages run (docs/architecture.md); a stage may import only the
 * stages before it, so each one can be read, tested and loaded knowing only what came earlier.
 * transforms/ comes first: the codemods import nothing of src/ (each runs alone under the
 * jscodeshift CLI). config/ comes after findings/ (it names finding kinds and ignore rules) and
 * before budgets/. pipeline/ holds the orchestrators and the shapes they hand out; report/ reads
 * those shapes; api/ and index.ts are the public API; cli/ talks only to it.
 */
const STAGE_ORDER = ['transforms', 'project', 'graph', 'facts', 'findings', 'config', 'measure', 'budgets', 'plan', 'edits', 'verify', 'pipeline', 'report', 'api', 'index.ts', 'cli'];
/** Leaves every stage may use: the diagnostic shape, progress events and message wording. They import nothing of the pipeline. */
const SHARED = ['diagnostics', 'messages'];
const stageKey = (file: string) => (file.startsWith('transforms/') ? 'transforms' : stageOf(file)!);

function backwardImports(files: SourceInfo[]): string[] {
  return files.flatMap((s) =>
    [...s.imports, ...s.typeImports, ...s.dynamicImports]
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from: stageKey(s.file), to: stageKey(localTarget(s.file, spec)), edge: `${s.file} -> ${localTarget(s.file, spec)}` }))
      .filter(({ from, to }) => from !== to)
      .filter(({ from, to }) => (SHARED.includes(from) ? true : !SHARED.includes(to) && !(STAGE_ORDER.indexOf(to) >= 0 && STAGE_ORDER.indexOf(to) < STAGE_ORDER.indexOf(from))))
      .map(({ edge }) => edge),
  );
}

test('every folder of src/ is a stage in the pipeline order, or a shared leaf', () => {
  // A new folder must say where it runs, or the order rule below could not judge its imports.
  const unplaced = [...new Set([...sources, ...transformSources].map((s) => stageKey(s.file)))].filter((stage) => !STAGE_ORDER.includes(stage) && !SHARED.includes(stage));
  assert.deepEqual(unplaced, []);
});

test('stages import only earlier stages (and the shared leaves import no stage): the pipeline reads in one direction', () => {
  assert.deepEqual(backwardImports([...sources, ...transformSources]), []);
});

test('reporters read the result shapes (src/pipeline/results.ts), never an orchestrator: a reporter runs no stage', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'report')
    .flatMap((s) => [...s.imports, ...s.typeImports, ...s.dynamicImports].filter((spec) => spec.startsWith('.')).map((spec) => ({ from: s.file, to: localTarget(s.file, spec) })))
    .filter(({ to }) => to.startsWith('src/pipeline/') && to !== 'src/pipeline/results.ts');
  assert.deepEqual(offenders, []);
});
