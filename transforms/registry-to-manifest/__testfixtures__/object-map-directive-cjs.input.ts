'use client';


// A directive prologue, two blank lines, then the imports the map reads: the prologue stays as written.
import { helper } from './helper';
import { Rule as AltText } from './rules/alt-text';
import { Rule as Lang } from './rules/lang';

export const rules = {
  'alt-text': AltText,
  lang: Lang,
};
export const x = helper;
