// TypeScript's compiler API (the copy ts-morph ships), loaded with require(). An ES module
// `import { ts } from 'ts-morph'` makes Node scan ts-morph's 1 MB CommonJS bundle for its
// export names first (cjs-module-lexer), about 200 ms CPU at every start of `lazify analyze`;
// a CommonJS file requiring it skips that. The stages import `ts` from here.
import tsMorph = require('ts-morph');

export import ts = tsMorph.ts;
