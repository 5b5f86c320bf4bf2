// Every fixtures/edge/<case>/README.md that has an edge table ("| from | line | ... | to | kind | names |")
// states the complete runtime graph a correct analyzer reports. A new edge case is a new folder:
// this test reads its table, builds the graph and compares every edge.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { loadProject } from '../../src/project/load-project.js';
import { fixture } from '../helpers/copy-fixture.js';

interface ExpectedEdge {
  from: string;
  line: number;
  to: string;
  kind: string;
  names: string[];
  lazy?: boolean;
}

/** Reads the first table whose header has from/line/to/kind/names columns. */
function readEdgeTable(readme: string): ExpectedEdge[] | undefined {
  const lines = readme.split('\n');
  const headerAt = lines.findIndex((l) => /^\|\s*from\s*\|\s*line\s*\|/.test(l) && /\|\s*names\s*\|/.test(l));
  if (headerAt === -1) return undefined;
  const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const header = cells(lines[headerAt]);
  const edges: ExpectedEdge[] = [];
  for (const row of lines.slice(headerAt + 2)) {
    if (!row.trim().startsWith('|')) break;
    const value = Object.fromEntries(cells(row).map((c, i) => [header[i], c]));
    // A trailing parenthesis is commentary: "`*` (exported as the namespace `tokens`)".
    const listed = value.names.replace(/\s*\([^`]*(`[^`]*`[^`]*)*\)$/, '');
    const names = listed === '(none)' || listed === '' ? [] : [...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    edges.push({
      from: value.from,
      line: Number(value.line),
      to: value.to.replace(/\s*\((external|builtin)\)$/, ''),
      kind: value.kind,
      names,
      ...(value.lazy !== undefined ? { lazy: value.lazy.replace(/\*/g, '') === 'true' } : {}),
    });
  }
  return edges;
}

const edgeRoot = fixture('edge');
const cases = existsSync(edgeRoot) ? readdirSync(edgeRoot).filter((name) => existsSync(join(edgeRoot, name, 'README.md'))) : [];

for (const name of cases) {
  const expected = readEdgeTable(readFileSync(join(edgeRoot, name, 'README.md'), 'utf8'));
  if (!expected) continue;
  test(`edge/${name}: the runtime graph is exactly the README's edge table`, () => {
    const graph = buildModuleGraph(loadProject(fixture(`edge/${name}`)));
    const actual = Object.values(graph.modules).flatMap((m) =>
      m.imports.map((e) => {
        const edge: ExpectedEdge = { from: e.from, line: e.line, to: e.to ?? `unresolved:${e.specifier}`, kind: e.kind, names: e.names };
        if (expected.some((x) => x.lazy !== undefined)) edge.lazy = e.lazy;
        return edge;
      }),
    );
    const key = (e: ExpectedEdge) => `${e.from}:${e.line} -> ${e.to}`;
    assert.deepEqual(actual.sort((a, b) => key(a).localeCompare(key(b))), expected.sort((a, b) => key(a).localeCompare(key(b))));
    assert.deepEqual(graph.diagnostics, []);
  });
}
