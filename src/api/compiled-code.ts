// Where TypeScript's compiled code is kept, chosen by a call's `cacheDir` before TypeScript loads
// (src/index.ts asks it first, with import() as it loads every slice). Loads no TypeScript.
export { keepCompiledCodeIn } from '../project/cache-directory.cjs';
