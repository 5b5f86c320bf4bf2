// Runs every `<case>.input.*` in a transform's __testfixtures__ against `<case>.output.*`
// (no output file = must stay unchanged). `<case>.options.json` holds the operation's options;
// its `file`, when present, is the path the transform sees (so path-dependent transforms run as in a project).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jscodeshift from 'jscodeshift';
import type { LazifyTransformModule } from '../../transforms/transform-module.js';
import { parserForFile } from '../../transforms/shared-lazy-loading/parser-for-file.js';

/** Defines one test per case; `UPDATE_GOLDEN=1` rewrites the outputs for review in the diff. */
export function defineTransformCases(folder: string, module: LazifyTransformModule): void {
  const fixtures = join(folder, '__testfixtures__');
  for (const input of readdirSync(fixtures).filter((f) => /\.input\.[jt]sx?$/.test(f)).sort()) {
    const name = input.replace(/\.input\.[jt]sx?$/, '');
    const ext = input.slice(input.lastIndexOf('.'));
    const outputPath = join(fixtures, `${name}.output${ext}`);
    const optionsPath = join(fixtures, `${name}.options.json`);
    test(`${module.meta.name}: ${name}`, () => {
      // `dry`: as with `jscodeshift --dry`, a transform run alone must not write its planned files here.
      const options = { dry: true, ...(existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}) };
      // A case that needs the rest of a project (resolving importers) names a folder beside it as `root`.
      if (typeof options.root === 'string') options.root = join(fixtures, options.root);
      const source = readFileSync(join(fixtures, input), 'utf8');
      const path = options.path ?? options.file ?? `src/${name}${ext}`;
      // As lazify runs it: the parser that reads this file (JSX in .jsx, .tsx and React .js files).
      const parser = parserForFile(path, source);
      const j = jscodeshift.withParser(parser);
      const api = { j, jscodeshift: j, stats: () => {}, report: () => {} };
      const run = (src: string) => String(module.default({ path, source: src }, api, options) ?? src).trim();
      const output = run(source);
      const expected = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : source;
      if (process.env.UPDATE_GOLDEN && existsSync(outputPath)) writeFileSync(outputPath, `${output}\n`);
      else assert.equal(output, expected.trim());
      // Idempotent: a second run over the output changes nothing.
      assert.equal(run(output), output, 'a second run must not change the output');
    });
  }
}
