// TypeScript's compiler API (the copy ts-morph ships: `@ts-morph/common/dist/typescript.js`),
// loaded with require(). Two start-up costs are avoided:
// - an ES module `import { ts } from 'ts-morph'` makes Node scan ts-morph's 1 MB CommonJS
//   bundle for its export names first (cjs-module-lexer), about 200 ms CPU at every start of
//   `lazify analyze`; a CommonJS file requiring it skips that;
// - requiring ts-morph itself runs its bundle and @ts-morph/common's (about 125 ms CPU more
//   than TypeScript alone), though the analysis uses only TypeScript's own API.
// It is the same file ts-morph loads (test/project/typescript-copy.test.ts keeps the two
// `@ts-morph/common` ranges in package.json in step), so a later `import('ts-morph')` shares it.
// Its types are TypeScript's, declared in typescript-module.d.ts. The stages import `ts` from here.
// V8's compiled code of it is kept in lazify's cache directory for the next run (./code-cache.cts).
// Its helpers are required through Node's own CommonJS loader: when this file is imported from an
// ES module, the `require` Node hands it goes through the ES module loader, which fails (an
// internal assertion) on a module that ES modules are importing at the same time, as they do
// ./cache-directory.cts.
import nodeModule = require('node:module');
import type * as CacheDirectory from './cache-directory.cjs';
import type * as CodeCache from './code-cache.cjs';

const requireHere = nodeModule.createRequire(__filename);
const { compiledCodeCacheDir } = requireHere('./cache-directory.cjs') as typeof CacheDirectory;
const { compileWithCodeCache } = requireHere('./code-cache.cjs') as typeof CodeCache;
compileWithCodeCache(require.resolve('@ts-morph/common/dist/typescript.js'), compiledCodeCacheDir(process.env));

import typescript = require('@ts-morph/common/dist/typescript.js');

export import ts = typescript;
