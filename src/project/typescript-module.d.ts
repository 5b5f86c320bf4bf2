// `@ts-morph/common/dist/typescript.js` is TypeScript's compiler API, the file ts-morph loads;
// the package types it only through its own index, so the file's type is given here.
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common/lib/typescript.js';
  export = ts;
}
