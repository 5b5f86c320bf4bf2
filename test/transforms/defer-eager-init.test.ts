import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as deferEagerInit from '../../transforms/defer-eager-init/index.js';
import { defineTransformCases } from './transform-cases.js';
import { defineGoldenPatchCases } from './multi-file-cases.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
defineTransformCases(join(repo, 'transforms/defer-eager-init'), deferEagerInit);
defineGoldenPatchCases('defer-eager-init', join(repo, 'transforms/defer-eager-init'));
