'use client';


// A directive prologue, two blank lines, then the imports the map reads: the prologue stays as written.
import { helper } from './helper';
import { rulesManifest, withFastProperties } from './index.manifest';

export const rules = withFastProperties(rulesManifest, {
  get 'alt-text'() { return rulesManifest['alt-text'].load(); },
  get lang() { return rulesManifest.lang.load(); },
});
export const x = helper;
